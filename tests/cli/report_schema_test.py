"""docs/report.schema.json against real reports: every golden report of the CLI tests, the CLI's
report of every export fixture (tests/fixtures; the Node tests hold the wasm reports of the same
fixtures byte-identical to these), and of each real export in ../shared/realworld/telegram (each
folder; all of them with --bucket week; the HTML pages alone), so the schema and the output
cannot drift apart.

usage: report_schema_test.py CLI SCHEMA GOLDEN_DIR FIXTURES_DIR [REALWORLD_DIR]
Needs jsonschema (Debian python3-jsonschema, installed by scripts/setup.sh).
"""
import glob
import json
import os
import subprocess
import sys
import tempfile

try:
    import jsonschema
except ImportError:  # an interpreter without it (e.g. a pyenv one on PATH): Debian's has it
    if sys.executable != "/usr/bin/python3" and os.path.exists("/usr/bin/python3"):
        os.execv("/usr/bin/python3", ["/usr/bin/python3", *sys.argv])
    sys.exit("report_schema_test: jsonschema is missing (scripts/setup.sh installs python3-jsonschema)")


def cli_report(cli, args, out_dir, name, ok_exits=(0,)):
    path = os.path.join(out_dir, name + ".json")
    run = subprocess.run([cli, "report", "--no-progress", *args, "--out", path], capture_output=True, text=True)
    if run.returncode not in ok_exits:
        sys.exit(f"report_schema_test: linkdrift report {' '.join(args)} exited {run.returncode}: {run.stderr[-500:]}")
    return path


def main():
    cli, schema_path, golden_dir, fixtures = sys.argv[1:5]
    realworld = sys.argv[5] if len(sys.argv) > 5 else None
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)

    reports = sorted(glob.glob(os.path.join(golden_dir, "*.report.json")))
    if len(reports) < 6:
        sys.exit(f"report_schema_test: expected the CLI's golden reports in {golden_dir}, found {len(reports)}")
    with tempfile.TemporaryDirectory() as tmp:
        # Every export fixture, one report each (a bad fixture exits 1 with its error in the report).
        inputs = sorted(f for f in glob.glob(os.path.join(fixtures, "**", "*"), recursive=True)
                        if f.endswith((".json", ".html")) and not f.endswith(".expected.json")
                        and os.sep + "fuzz" + os.sep not in f)
        if len(inputs) < 30:
            sys.exit(f"report_schema_test: expected the export fixtures in {fixtures}, found {len(inputs)}")
        reports += [cli_report(cli, [f], tmp, f"fixture-{k}", ok_exits=(0, 1)) for k, f in enumerate(inputs)]
        if realworld and os.path.isdir(realworld):
            exports = sorted(d for d in glob.glob(os.path.join(realworld, "*")) if os.path.isdir(d))
            reports += [cli_report(cli, [d], tmp, os.path.basename(d)) for d in exports]
            reports.append(cli_report(cli, ["--bucket", "week", realworld], tmp, "all-week"))
            pages = sorted(glob.glob(os.path.join(realworld, "*", "*.html")))
            reports.append(cli_report(cli, ["--html-tz", "+03:00", *pages], tmp, "html-pages"))
        failures = 0
        for path in reports:
            with open(path, encoding="utf-8") as f:
                errors = sorted(validator.iter_errors(json.load(f)), key=lambda e: list(e.absolute_path))
            for e in errors[:10]:
                print(f"{os.path.basename(path)}: at {'/'.join(map(str, e.absolute_path)) or '(top)'}: {e.message[:300]}")
            failures += bool(errors)
        print(f"report_schema_test: {len(reports) - failures} of {len(reports)} reports match {schema_path}")
        sys.exit(1 if failures else 0)


main()
