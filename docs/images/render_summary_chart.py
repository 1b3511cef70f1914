#!/usr/bin/env python3
"""Renders docs/images/summary.png (the README picture) from a linkdrift report.

    build/native/bin/linkdrift report build/demo/linkdrift-demo.json > /tmp/r.json
    /usr/bin/python3 docs/images/render_summary_chart.py /tmp/r.json docs/images/summary.png

Needs Debian's python3-matplotlib (a docs tool only; nothing else uses it).
"""
import json
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

EVENTS = {"2024-08": "Durov arrested", "2024-09": "Telegram policy change"}


def main(report_path, out_path):
    r = json.load(open(report_path, encoding="utf-8"))
    keys = r["buckets"]["keys"]
    x = range(len(keys))
    fig, ax = plt.subplots(figsize=(10, 4.6), dpi=110)
    for p in r["platforms"]:
        series = r["buckets"]["platforms"][p["platform"]]["link_records"]
        if p["platform"] == "web" or sum(series) == 0:
            continue
        ax.plot(x, [v if v else None for v in series], marker="o", ms=3, lw=1.6, label=p["platform"])
    ax.set_yscale("log")
    for i, k in enumerate(keys):
        if k in EVENTS:
            ax.axvline(i, color="grey", ls="--", lw=1)
            ax.text(i, ax.get_ylim()[1], " " + EVENTS[k], rotation=90, va="top", ha="right", fontsize=8, color="grey")
    ax.set_xticks(list(x)[::3], keys[::3], rotation=45, ha="right", fontsize=8)
    ax.set_ylabel("link records per month (log)")
    t = r["totals"]
    ax.set_title(f"linkdrift on the demo export: {t['chats']} chats, {t['messages']:,} messages, "
                 f"{t['link_records']:,} link records", fontsize=10)
    ax.legend(ncol=5, fontsize=8, loc="upper left")
    ax.grid(alpha=0.3)
    fig.tight_layout()
    fig.savefig(out_path)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
