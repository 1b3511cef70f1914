#!/usr/bin/env bash
# The documented big-file browser run (not in CI; ~1.5 GB of disk in a temp dir):
# generates a 1.5 GB export with linkdrift-gen, loads it through the real served page
# (web/dist + web/scripts/serve.mjs) in headless chromium, and prints bytes, wall time
# from the pick to app-state "done", MB/s, the worker's peak wasm memory (via CDP), the
# peak RSS of chromium, and the native CLI's time and totals on the same file.
#   scripts/big-browser-run.sh [SIZE]          SIZE for linkdrift-gen, default 1.5GB
# Env: KEEP=1 keeps the generated file (path printed); BIG_FILE=path uses an existing
# export instead of generating one; TIMEOUT_MIN (default 30); NO_CLI=1 skips the CLI run.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
SIZE=${1:-1.5GB}

# Same preparation as scripts/test-browser.sh (setup --browser, native CLI, page, npm ci).
scripts/setup.sh --browser
[[ -x build/native/bin/linkdrift-gen && -x build/native/bin/linkdrift ]] || scripts/build.sh native
if [[ ! -f web/dist/index.html || -n $(find web/src web/index.html web/public build/wasm/dist \
        -newer web/dist/index.html -type f 2>/dev/null | head -n 1) ]]; then
  scripts/build-web.sh
fi
if [[ ! -f tests/browser/node_modules/.package-lock.json ||
      tests/browser/package-lock.json -nt tests/browser/node_modules/.package-lock.json ]]; then
  (cd tests/browser && npm ci --no-audit --no-fund --loglevel=error)
fi

if [[ -n ${BIG_FILE:-} ]]; then
  file=$BIG_FILE
else
  dir=$(mktemp -d /tmp/linkdrift-big.XXXXXX)
  file=$dir/big-$SIZE.json
  if [[ ${KEEP:-0} != 1 ]]; then trap 'rm -rf "$dir"' EXIT; fi
  build/native/bin/linkdrift-gen --size "$SIZE" --out "$file"
fi

args=("$file" --timeout-min "${TIMEOUT_MIN:-30}")
[[ ${NO_CLI:-0} == 1 ]] && args+=(--no-cli)
node tests/browser/big-run.mjs "${args[@]}"
[[ ${KEEP:-0} == 1 && -z ${BIG_FILE:-} ]] && echo "[big-run] kept $file"
exit 0
