#!/usr/bin/env bash
# What announcement detection costs (issue 12): the native `linkdrift report`
# with detection (the default) against `--no-announcements`, one thread, on
# generated exports of each corpus profile (linkdrift-gen --profile default,
# phrase-dense), the two commands alternated run by run. Prints one row per
# profile and size (median wall seconds and minor page faults, on vs off) and
# writes bench/results/detection.json. Called by bench/run.sh; alone:
#
#   bench/detection-cost.sh [--sizes 100MB] [--runs 5] [--seed 1]
#
# Corpora (git-ignored, reused): bench/data/gen-SIZE-sSEED.json (the default
# profile, shared with bench/run.sh) and bench/data/gen-SIZE-sSEED-phrase-dense.json.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
GEN=${LINKDRIFT_GEN:-build/native/bin/linkdrift-gen}
CLI=${LINKDRIFT_CLI:-build/native/bin/linkdrift}
sizes=100MB runs=5 seed=1
while (($#)); do
  case $1 in
    --sizes) sizes=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "bench/detection-cost.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done
[[ $runs =~ ^[1-9][0-9]*$ ]] || { echo "bench/detection-cost.sh: --runs must be a positive integer" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "bench/detection-cost.sh: needs /usr/bin/time (apt-get install time)" >&2; exit 2; }
[[ -x $CLI && -x $GEN ]] || { echo "bench/detection-cost.sh: build first (scripts/build.sh native)" >&2; exit 2; }

mkdir -p bench/data bench/results
corpus() {  # SIZE PROFILE -> path
  local f=bench/data/gen-$1-s$seed.json
  [[ $2 == default ]] || f=bench/data/gen-$1-s$seed-$2.json
  if [[ ! -s $f ]]; then
    echo "[bench] generating $f" >&2
    "$GEN" --size "$1" --seed "$seed" --profile "$2" --quiet --out "$f.tmp"
    mv "$f.tmp" "$f"
  fi
  echo "$f"
}

# One run: "SECONDS MINOR_FAULTS" of `linkdrift report --jobs 1 [EXTRA] FILE`.
measure() {
  local file=$1; shift
  /usr/bin/time -f '%e %R' -o bench/results/.time "$CLI" report --jobs 1 "$@" "$file" --out /dev/null
  cat bench/results/.time
}
median() { sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

rows=()
printf '%-13s %-6s %9s %9s %7s %12s %12s %7s\n' profile size "off s" "on s" "+time" "off faults" "on faults" "+faults"
IFS=, read -ra list <<<"$sizes"
for size in "${list[@]}"; do
  for profile in default phrase-dense; do
    file=$(corpus "$size" "$profile")
    off=() on=()
    for ((r = 0; r < runs; r++)); do
      off+=("$(measure "$file" --no-announcements)")
      on+=("$(measure "$file")")
    done
    off_s=$(printf '%s\n' "${off[@]}" | cut -d' ' -f1 | median)
    on_s=$(printf '%s\n' "${on[@]}" | cut -d' ' -f1 | median)
    off_f=$(printf '%s\n' "${off[@]}" | cut -d' ' -f2 | median)
    on_f=$(printf '%s\n' "${on[@]}" | cut -d' ' -f2 | median)
    dt=$(awk -v a="$off_s" -v b="$on_s" 'BEGIN {printf "%+.1f%%", (b / a - 1) * 100}')
    df=$(awk -v a="$off_f" -v b="$on_f" 'BEGIN {printf "%+.1f%%", (b / a - 1) * 100}')
    printf '%-13s %-6s %9s %9s %7s %12s %12s %7s\n' "$profile" "$size" "$off_s" "$on_s" "$dt" "$off_f" "$on_f" "$df"
    rows+=("{\"profile\":\"$profile\",\"size\":\"$size\",\"file\":\"$file\",\"runs\":$runs,\"off_seconds\":$off_s,\"on_seconds\":$on_s,\"off_minor_faults\":$off_f,\"on_minor_faults\":$on_f}")
  done
done
rm -f bench/results/.time
printf '{"command":"linkdrift report --jobs 1 [--no-announcements]","rows":[%s]}\n' "$(IFS=,; echo "${rows[*]}")" \
  >bench/results/detection.json
echo "[bench] wrote bench/results/detection.json" >&2
