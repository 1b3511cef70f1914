#!/usr/bin/env bash
# linkdrift benchmark (issue 4): native CLI, wasm in Node, wasm in headless Chromium
# through the real page, and two baselines without linkdrift (A: Node JSON.parse +
# RegExp, B: Python json.load + re), sequentially on the same generated files; checks
# that all agree on the per-platform link-record counts; prints a table (medians) and
# writes bench/results/latest.json. Details: docs/performance.md.
#
#   bench/run.sh [--sizes 100MB,1GB] [--runs 3] [--memory-run 5GB] [--skip-browser] [--seed 1]
#
# --memory-run SIZE  one more file, one run per runner (baseline B only if RAM allows;
#                    baseline A fails there by design and keeps its row).
# Corpora: bench/data/gen-SIZE-sSEED.json (git-ignored), generated once and reused.
# Exit status: 0 ok; 3 runners disagree on the counts; other: a build/run failure.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
sizes=100MB,1GB runs=3 memory= browser=1 seed=1
while (($#)); do
  case $1 in
    --sizes) sizes=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --memory-run) memory=$2; shift 2 ;;
    --skip-browser) browser=0; shift ;;
    --seed) seed=$2; shift 2 ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "bench/run.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done
[[ $runs =~ ^[1-9][0-9]*$ ]] || { echo "bench/run.sh: --runs must be a positive integer" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "bench/run.sh: needs /usr/bin/time (apt-get install time)" >&2; exit 2; }

# ---- build (incremental: quick when up to date) ----
command -v emcc >/dev/null || scripts/setup.sh --wasm
scripts/build.sh native wasm >/dev/null
if ((browser)); then
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
    build/native/bin/linkdrift-gen --size "$1" --seed "$seed" --quiet --out "$f.tmp"
    mv "$f.tmp" "$f"
  fi
  echo "$f"
}
files=()
IFS=, read -ra list <<<"$sizes"
for s in "${list[@]}"; do files+=("$s=$(corpus "$s")"); done
args=(--files "$(IFS=,; echo "${files[*]}")" --runs "$runs")
[[ -n $memory ]] && args+=(--memory "$memory=$(corpus "$memory")")
((browser)) || args+=(--skip-browser)

node bench/run.mjs "${args[@]}"
