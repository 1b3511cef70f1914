#!/usr/bin/env bash
# The main job: installs what is missing, builds the core (native + wasm) and the
# page, prints linkdrift's summary of the demo export, then serves the page on
# http://127.0.0.1:$PORT (default 8080) until Ctrl-C.
#   scripts/run.sh                 summary + page
#   scripts/run.sh --no-serve      summary only (the CLI on the demo export)
#   PORT=9000 scripts/run.sh
# Extra arguments go to `linkdrift summary` (e.g. --bucket week --tz +03:00).
set -euo pipefail
cd "$(dirname "$0")/.."

serve=1
args=()
for a in "$@"; do
  if [[ $a == --no-serve ]]; then serve=0; else args+=("$a"); fi
done

if ((serve)); then
  scripts/build-web.sh  # setup + native + wasm + demo + page (quick when up to date)
else
  scripts/setup.sh
  scripts/build.sh native >/dev/null
fi

demo=build/demo/linkdrift-demo.json
if [[ ! -s $demo || build/native/bin/linkdrift-gen -nt $demo ]]; then
  mkdir -p "$(dirname "$demo")"
  build/native/bin/linkdrift-gen --size 5MB --seed 1 --layout account --quiet --out "$demo"
fi
echo "== linkdrift summary $demo"
build/native/bin/linkdrift summary "${args[@]}" "$demo"

if ((serve)); then
  echo
  echo "== the page: open the URL below (single-file version: web/dist-single/linkdrift.html)"
  exec scripts/serve-web.sh
fi
