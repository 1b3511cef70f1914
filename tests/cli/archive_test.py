#!/usr/bin/env python3
"""The CLI on ZIP archives, HTML export folders and mixes of all three formats.
The archives are written here (zipfile), never committed: stored and deflate
entries, nested folders, ZIP64 records, both formats of one chat, a corrupt and
an "encrypted" entry, archives and folders without any export. Each check
compares with the CLI on the same files read directly, or with values known
from the fixtures (tests/fixtures/*.expected.json) and the real exports
(../shared/realworld/SOURCES.md).

usage: archive_test.py CLI FIXTURES_DIR REALWORLD_TELEGRAM_DIR"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile

cli, fixtures, realworld = sys.argv[1:4]
tmp = tempfile.mkdtemp(prefix="linkdrift-archive-test-")
failures = []


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        failures.append(what)


def run(*args):
    p = subprocess.run([cli, *args], capture_output=True)
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8")


def report(*inputs):
    code, out, err = run("report", "--no-progress", *inputs)
    return code, json.loads(out), err


def fixture(name):
    return os.path.join(fixtures, name)


def counts(r):
    """What must not depend on the container: totals (less file counts) and per-platform counts."""
    t = {k: v for k, v in r["totals"].items() if not k.startswith("files")}
    return t, [(p["platform"], p["link_records"], p["messages"], p["targets"]) for p in r["platforms"]]


def write_zip(path, entries, compression=zipfile.ZIP_DEFLATED, zip64=False):
    """entries: [(name in archive, source path or bytes)]"""
    with zipfile.ZipFile(path, "w", compression=compression) as z:
        for name, src in entries:
            data = src if isinstance(src, bytes) else open(src, "rb").read()
            with z.open(zipfile.ZipInfo(name, date_time=(2024, 10, 1, 12, 0, 0)), "w", force_zip64=zip64) as f:
                f.write(data)
    return path


plain = [fixture("every_platform_row.json"), fixture("account_2chats_1left.json")]
code, direct, _ = report(*plain)
check(code == 0, "the fixtures read directly")

# 1. Stored and deflate, nested folders, ZIP64: the same numbers as the files themselves.
for label, compression, zip64 in [("deflate", zipfile.ZIP_DEFLATED, False), ("stored", zipfile.ZIP_STORED, False),
                                  ("zip64", zipfile.ZIP_DEFLATED, True)]:
    z = write_zip(f"{tmp}/{label}.zip", [("a/every_platform_row.json", plain[0]),
                                         ("b/deep/er/account.json", plain[1])], compression, zip64)
    code, r, err = report(z)
    check(code == 0 and counts(r) == counts(direct), f"{label} archive: same totals and platforms as the files")
    check([f["name"] for f in r["files"]] == [z + "/a/every_platform_row.json", z + "/b/deep/er/account.json"],
          f"{label} archive: entries named archive/path, in path order")

# 2. Both formats of one chat in one folder: counted once, from result.json; the pages are listed as skipped.
salaf = os.path.join(realworld, "upon-path-salaf")
z = write_zip(f"{tmp}/both.zip", [("ChatExport_2026-07-05/messages.html", f"{salaf}/messages.html"),
                                  ("ChatExport_2026-07-05/result.json", f"{salaf}/result.json"),
                                  ("ChatExport_2026-07-05/photos/photo_1.jpg", b"\xff\xd8\xff not read")])
code, r, _ = report(z)
code_json, r_json, _ = report(f"{salaf}/result.json")
check(code == 0 and counts(r) == counts(r_json), "both formats in one folder: the numbers of result.json alone")
statuses = [(os.path.basename(f["name"]), f["status"]) for f in r["files"]]
check(statuses == [("messages.html", "skipped"), ("result.json", "ok")], f"both formats: file list {statuses}")
check("result.json of the same chat is read instead" in r["files"][0].get("skipped", ""), "both formats: the reason")

# 3. HTML alone gives the JSON's link records (the parity of the real pair, through the CLI).
code_html, r_html, _ = report(f"{salaf}/messages.html")
check(code_html == 0 and r_html["totals"]["link_records"] == r_json["totals"]["link_records"],
      f"upon-path-salaf: HTML {r_html['totals']['link_records']} link records, JSON {r_json['totals']['link_records']}")

# 4. An HTML export folder whose first page was renamed: one chat, pages in order, media ignored.
dev = os.path.join(realworld, "devcomputaria-cybersec")
folder = f"{tmp}/CybersecurityExport"
os.makedirs(f"{folder}/photos")
shutil.copy(f"{dev}/index.html", folder)
shutil.copy(f"{dev}/messages2.html", folder)
open(f"{folder}/photos/photo_1.jpg", "wb").write(b"\xff\xd8\xff")
code, r, _ = report(folder)
check(code == 0 and r["totals"]["chats"] == 1 and r["totals"]["messages"] == 999 + 1000,
      f"HTML folder: one chat of 1,999 messages (got {r['totals']['chats']} chats, {r['totals']['messages']})")
check([f["messages"] for f in r["files"]] == [999, 1000] and r["files"][1].get("continues_chat") is True,
      "HTML folder: messages per page, the second continues the chat")
check(all(f.get("assumed_utc_offset") == "+00:00" for f in r["files"]), "old HTML dates: read as UTC, and said so")
code, r_tz, _ = run("report", "--html-tz", "+03:00", folder)
r_tz = json.loads(r_tz)
check(r_tz["totals"]["first_date"] == "2018-09-05T13:42:32Z" and r_tz["files"][0]["assumed_utc_offset"] == "+03:00",
      f"--html-tz +03:00 shifts the old dates (first {r_tz['totals']['first_date']})")

# 5. A mix of all three formats (a JSON file, an HTML folder, an archive): the sum of the parts.
code, mix, _ = report(plain[0], folder, f"{tmp}/deflate.zip")
check(code == 0 and mix["totals"]["link_records"] ==
      direct["totals"]["link_records"] + r["totals"]["link_records"] + report(plain[0])[1]["totals"]["link_records"],
      "mix of JSON, an HTML folder and a ZIP: link records add up")
code, summary, _ = run("summary", "--no-progress", plain[0], folder, f"{tmp}/deflate.zip")
check(code == 0 and "2 HTML file(s) without UTC offsets in their dates, read as UTC+00:00" in summary,
      "summary names the assumed zone")

# 6. A corrupt entry and an "encrypted" one: errors of their own; the other entries still count.
good = open(plain[0], "rb").read()
z = write_zip(f"{tmp}/damaged.zip", [("bad/result.json", good), ("good/result.json", good),
                                     ("locked/result.json", good)])
data = bytearray(open(z, "rb").read())
with zipfile.ZipFile(z) as zf:
    infos = {i.filename: i for i in zf.infolist()}
bad = infos["bad/result.json"]
start = bad.header_offset + 30 + len(bad.filename)  # the deflate data (no extra field written)
for i in range(start + 10, start + 60):
    data[i] ^= 0x5A
locked = infos["locked/result.json"]
data[locked.header_offset + 6] |= 1  # flag bit 0 (encrypted), in the local header and the central directory
pos = 0
while True:
    pos = data.find(b"PK\x01\x02", pos)
    if pos < 0:
        break
    name_len = int.from_bytes(data[pos + 28:pos + 30], "little")
    if data[pos + 46:pos + 46 + name_len] == b"locked/result.json":
        data[pos + 8] |= 1
    pos += 4
open(z, "wb").write(bytes(data))
code, r, err = report(z)
by_name = {os.path.relpath(f["name"], z): f for f in r["files"]}
check(code == 1, f"damaged archive: exit 1 (got {code})")
check(by_name["good/result.json"]["status"] == "ok" and by_name["good/result.json"]["messages"] == 28,
      "damaged archive: the good entry is read in full")
check(by_name["bad/result.json"]["status"] == "error" and "archive byte" in by_name["bad/result.json"]["error"]["message"],
      f"corrupt entry: its own error with the archive offset ({by_name['bad/result.json'].get('error')})")
check("encrypted" in by_name["locked/result.json"].get("error", {}).get("message", ""),
      f"encrypted entry: a clear error ({by_name['locked/result.json'].get('error')})")
check(f"{z}/bad/result.json: byte" in err, "stderr names the entry and the byte")

# 7. Nothing to read: an error that says what was found, never a silent empty report.
z = write_zip(f"{tmp}/photos.zip", [("photos/1.jpg", b"x"), ("photos/2.jpg", b"y")])
code, r, err = report(z)
check(code == 1 and "2 files, none of them a Telegram export (result.json, messages*.html or .zip): "
      "photos/1.jpg, photos/2.jpg" in err, f"archive without exports: exit 1 and what was found ({err.strip()})")
os.makedirs(f"{tmp}/media/sub")
for n in ("a.jpg", "sub/b.mp4", "notes.txt"):
    open(f"{tmp}/media/{n}", "wb").write(b"x")
code, out, err = run("summary", "--no-progress", f"{tmp}/media")
check(code == 1 and "3 files, none of them a Telegram export" in err, f"folder without exports: exit 1 ({err.strip()})")
open(f"{tmp}/not-a-zip.zip", "wb").write(b"PK\x03\x04 but nothing else")
code, r, err = report(f"{tmp}/not-a-zip.zip")
check(code == 1 and r["files"][0]["status"] == "error", f"truncated archive: an error of the archive ({err.strip()})")

shutil.rmtree(tmp)
print(f"{len(failures)} failed" if failures else "all passed")
sys.exit(1 if failures else 0)
