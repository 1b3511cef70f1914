#!/usr/bin/env bash
# Browser end-to-end tests of the static page (tests/browser/*.test.mjs): headless
# Debian chromium driven by npm playwright-core, Node's built-in test runner.
#   1. scripts/setup.sh --browser        (chromium, nodejs/npm; quick when installed)
#   2. scripts/build.sh native           if the CLI or linkdrift-gen is missing (reference values)
#   3. scripts/build-web.sh              if web/dist or web/dist-single is missing or older
#                                        than web/ sources, build/wasm/dist or the CLI (whose
#                                        `linkdrift options` the page's option types come from)
#   4. npm ci in tests/browser           if node_modules is missing or older than the lock
#   5. node --test --test-concurrency=1  one browser at a time (2 shared cores); TAP output,
#                                        whose "# pass N" / "# fail N" scripts/test.sh tallies
# Screenshots go to build/browser-artifacts/. Extra arguments go to node --test
# (e.g. --test-name-pattern=demo). Env: SKIP_SETUP=1 skips step 1.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
log() { echo "[test-browser] $*"; }

[[ ${SKIP_SETUP:-0} == 1 ]] || scripts/setup.sh --browser

if [[ ! -x build/native/bin/linkdrift || ! -x build/native/bin/linkdrift-gen ]]; then
  log "building the native CLI (reference values, linkdrift-gen)"
  scripts/build.sh native
fi

web_stale() {  # true when a web build output is missing or older than its inputs
  local out
  for out in web/dist/index.html web/dist-single/linkdrift.html; do
    [[ -f $out ]] || return 0
    if [[ -n $(find web/src web/index.html web/public web/scripts web/vite.config.ts web/package-lock.json \
                    build/wasm/dist build/native/bin/linkdrift -newer "$out" -type f 2>/dev/null | head -n 1) ]]; then
      return 0
    fi
  done
  return 1
}
if web_stale; then
  [[ -x scripts/build-web.sh ]] || { echo "[test-browser] ERROR: scripts/build-web.sh missing" >&2; exit 1; }
  log "building the page (scripts/build-web.sh)"
  scripts/build-web.sh
fi

if [[ ! -f tests/browser/node_modules/.package-lock.json ||
      tests/browser/package-lock.json -nt tests/browser/node_modules/.package-lock.json ||
      tests/browser/package.json -nt tests/browser/node_modules/.package-lock.json ]]; then
  log "npm ci (tests/browser: playwright-core)"
  (cd tests/browser && npm ci --no-audit --no-fund --loglevel=error)
fi

mkdir -p build/browser-artifacts
# Explicit files: Node >= 21 reads arguments as globs, not folders.
exec node --test --test-concurrency=1 --test-timeout=600000 --test-reporter=tap "$@" tests/browser/*.test.mjs
