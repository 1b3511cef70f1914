#!/usr/bin/env bash
# The main job: installs what is missing, builds the native CLI, generates the
# demo export (deterministic, ~5 MB) and prints linkdrift's summary of it.
# Extra arguments go to `linkdrift summary` (e.g. --bucket week --tz +03:00).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
scripts/build.sh native >/dev/null

demo=build/demo/linkdrift-demo.json
if [[ ! -s $demo ]]; then
  mkdir -p "$(dirname "$demo")"
  build/native/bin/linkdrift-gen --size 5MB --seed 1 --layout account --out "$demo"
fi
echo "== linkdrift summary $demo"
build/native/bin/linkdrift summary "$@" "$demo"
