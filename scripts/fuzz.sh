#!/usr/bin/env bash
# Runs the libFuzzer targets (tests/fuzz/) under ASan + UBSan, each for a given time,
# seeded from the fixtures (JSON and HTML exports; ZIP archives written here from them).
#   scripts/fuzz.sh [--time SECONDS] [TARGET...]    TARGET: json html zip (default: all)
# Default time 60 s per target (CI's smoke run). Prints one line per target:
#   "fuzz <target>: <runs> runs in <s> s, corpus <n> inputs: OK"
# A crash stops that target; its input is kept in build/fuzz/crashes/<target>/ — turn it
# into a named regression fixture under tests/fixtures/fuzz/<target>/ (replayed by the
# unit tests, tests/unit/test_fuzz_regressions.cpp). Exit status: 0 clean, 1 a crash.
# Needs clang 14 + libFuzzer (scripts/setup.sh --fuzz installs them).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
time_s=60
targets=()
while (($#)); do
  case $1 in
    --time) time_s=$2; shift 2 ;;
    json|html|zip) targets+=("$1"); shift ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "scripts/fuzz.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done
((${#targets[@]})) || targets=(json html zip)
[[ $time_s =~ ^[1-9][0-9]*$ ]] || { echo "scripts/fuzz.sh: --time must be a positive integer" >&2; exit 2; }

scripts/setup.sh --fuzz >/dev/null
scripts/build.sh fuzz >/dev/null

# Seeds: each file gets the two chunking-seed bytes the targets read first (fuzz_support.h).
seed_corpus() {  # seed_corpus <dir> <files...>
  local dir=$1 f
  shift
  mkdir -p "$dir"
  for f in "$@"; do
    [[ -f $f ]] || continue
    { printf '\x2a\x00'; head -c 65536 "$f"; } >"$dir/seed-$(basename "$(dirname "$f")")-$(basename "$f")"
  done
}
work=build/fuzz/run
mkdir -p "$work"
shopt -s nullglob
seed_corpus "$work/seeds/json" tests/fixtures/*.json tests/fixtures/reader/*.json
seed_corpus "$work/seeds/html" tests/fixtures/*.html tests/fixtures/html/*.html tests/fixtures/html/*/*.html \
  ../shared/realworld/telegram/*/*.html
python3 - "$work/seeds/zip" tests/fixtures <<'EOF'
import glob, os, sys, zipfile
out, fixtures = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)
small = sorted(glob.glob(f"{fixtures}/*.json"))[:6] + sorted(glob.glob(f"{fixtures}/**/*.html", recursive=True))[:4]
for label, method, zip64 in (("deflate", zipfile.ZIP_DEFLATED, False), ("stored", zipfile.ZIP_STORED, False),
                             ("zip64", zipfile.ZIP_DEFLATED, True)):
    path = f"{out}/{label}.zip"
    with zipfile.ZipFile(path, "w", method) as z:
        for i, f in enumerate(small):
            with z.open(f"Export/{i}/{os.path.basename(f)}", "w", force_zip64=zip64) as e:
                e.write(open(f, "rb").read()[:16384])
    data = open(path, "rb").read()
    open(path, "wb").write(b"\x2a\x00" + data)
EOF

status=0
for t in "${targets[@]}"; do
  bin=build/fuzz/fuzz/fuzz_${t}_reader
  corpus=$work/corpus/$t
  crashes=build/fuzz/crashes/$t
  mkdir -p "$corpus" "$crashes"
  log=$work/$t.log
  rc=0
  "$bin" -max_total_time="$time_s" -max_len=65536 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$crashes/" "$corpus" "$work/seeds/$t" >"$log" 2>&1 || rc=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  secs=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$log" | tail -n 1)
  n=$(find "$corpus" -type f | wc -l)
  if ((rc == 0)); then
    echo "fuzz $t: ${runs:-?} runs in ${secs:-$time_s} s, corpus $n inputs: OK"
  else
    status=1
    echo "fuzz $t: FAILED (exit $rc) after ${runs:-?} runs; input in $crashes/, log $log:"
    grep -E 'ERROR|SUMMARY|chunking changed|==[0-9]+==' "$log" | head -n 20
  fi
done
exit "$status"
