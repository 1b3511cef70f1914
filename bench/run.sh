#!/usr/bin/env bash
# linkdrift benchmark (issue 4): native CLI, wasm in Node, wasm in headless Chromium
# through the real page, and two baselines without linkdrift (A: Node JSON.parse +
# RegExp, B: Python json.load + re), sequentially on the same generated files; checks
# that all agree on the per-platform link-record counts; prints a table (medians) and
# writes bench/results/latest.json. Details: docs/performance.md.
#
#   bench/run.sh [--sizes 100MB,1GB] [--runs 3] [--memory-run 5GB] [--skip-browser] [--seed 1]
#                [--formats json,html] [--no-build] [--skip-detection]
#
# --memory-run SIZE  one more file, one run per runner (baseline B only if RAM allows;
#                    baseline A fails there by design and keeps its row).
# --formats LIST     json, html or both (default): html times the HTML export folder with
#                    the same messages as each size's JSON file (native CLI and node-wasm;
#                    the baselines and the browser runner are JSON-only: n/a) and checks that
#                    it gives the JSON's per-platform counts; its table has MB/s vs JSON.
# --no-build         use the binaries as they are (build/native, build/wasm/dist): for a
#                    machine where someone else's build is running.
# --skip-detection   skip the last table: what announcement detection costs, per corpus
#                    profile (bench/detection-cost.sh, on the first size).
# Corpora (git-ignored, generated once and reused): bench/data/gen-SIZE-sSEED.json and
# bench/data/gen-SIZE-sSEED-html/ (linkdrift-gen --format html --json-size SIZE).
# Binaries: LINKDRIFT_GEN (default build/native/bin/linkdrift-gen) writes the corpora;
# LINKDRIFT_CLI / LINKDRIFT_WASM_DIST override the CLI and the wasm build (bench/run.mjs).
# Exit status: 0 ok; 3 runners or formats disagree on the counts; other: a build/run failure.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
GEN=${LINKDRIFT_GEN:-build/native/bin/linkdrift-gen}
sizes=100MB,1GB runs=3 memory= browser=1 seed=1 formats=json,html build=1 detection=1
while (($#)); do
  case $1 in
    --sizes) sizes=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --memory-run) memory=$2; shift 2 ;;
    --skip-browser) browser=0; shift ;;
    --seed) seed=$2; shift 2 ;;
    --formats) formats=$2; shift 2 ;;
    --no-build) build=0; shift ;;
    --skip-detection) detection=0; shift ;;
    -h|--help) sed -n '2,25p' "$0"; exit 0 ;;
    *) echo "bench/run.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done
[[ $runs =~ ^[1-9][0-9]*$ ]] || { echo "bench/run.sh: --runs must be a positive integer" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "bench/run.sh: needs /usr/bin/time (apt-get install time)" >&2; exit 2; }
[[ $formats =~ ^(json|html)(,(json|html))?$ ]] || { echo "bench/run.sh: --formats is json, html or json,html" >&2; exit 2; }

# ---- build (incremental: quick when up to date) ----
if ((build)); then
  command -v emcc >/dev/null || scripts/setup.sh --wasm
  scripts/build.sh native wasm >/dev/null
fi
if ((build && browser)); then
  command -v chromium >/dev/null || scripts/setup.sh --browser
  if [[ ! -f web/dist/index.html || -n $(find web/src web/index.html web/public build/wasm/dist \
          -newer web/dist/index.html -type f 2>/dev/null | head -n 1) ]]; then
    scripts/build-web.sh >/dev/null
  fi
  if [[ ! -f tests/browser/node_modules/.package-lock.json ||
        tests/browser/package-lock.json -nt tests/browser/node_modules/.package-lock.json ]]; then
    (cd tests/browser && npm ci --no-audit --no-fund --loglevel=error)
  fi
fi

# ---- corpora (cached by size + seed) ----
mkdir -p bench/data
corpus() {  # SIZE -> path
  local f=bench/data/gen-$1-s$seed.json
  if [[ ! -s $f ]]; then
    echo "[bench] generating $f" >&2
    "$GEN" --size "$1" --seed "$seed" --quiet --out "$f.tmp"
    mv "$f.tmp" "$f"
  fi
  echo "$f"
}
html_corpus() {  # SIZE -> folder with the same messages as corpus SIZE
  local d=bench/data/gen-$1-s$seed-html
  if [[ ! -s $d/export_results.html ]]; then
    "$GEN" --help | grep -q -- '--format html' ||
      { echo "bench/run.sh: $GEN has no --format html (rebuild it)" >&2; exit 2; }
    echo "[bench] generating $d/" >&2
    rm -rf "$d" "$d.tmp"
    "$GEN" --format html --json-size "$1" --seed "$seed" --quiet --out "$d.tmp"
    mv "$d.tmp" "$d"
  fi
  echo "$d"
}
files=() htmls=()
IFS=, read -ra list <<<"$sizes"
for s in "${list[@]}"; do
  files+=("$s=$(corpus "$s")")  # also the HTML check's reference when only html is timed
  [[ $formats == *html* ]] && htmls+=("$s=$(html_corpus "$s")")
done
args=(--files "$(IFS=,; echo "${files[*]}")" --runs "$runs" --formats "$formats")
((${#htmls[@]})) && args+=(--html "$(IFS=,; echo "${htmls[*]}")")
[[ -n $memory ]] && args+=(--memory "$memory=$(corpus "$memory")")
((browser)) || args+=(--skip-browser)

node bench/run.mjs "${args[@]}"
((detection)) || exit 0
echo
echo "announcement detection: linkdrift report --jobs 1, on (default) vs --no-announcements"
bench/detection-cost.sh --sizes "${list[0]}" --runs "$runs" --seed "$seed"
