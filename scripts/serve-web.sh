#!/usr/bin/env bash
# Serves the hosted page build (web/dist) on http://127.0.0.1:$PORT (default 8080),
# building it first when it is missing. Zero-dependency Node server: web/scripts/serve.mjs.
#   scripts/serve-web.sh
#   PORT=9000 scripts/serve-web.sh
#   REBUILD=1 scripts/serve-web.sh     build again first
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
if [[ ${REBUILD:-0} == 1 || ! -f $ROOT/web/dist/index.html ]]; then
  "$ROOT/scripts/build-web.sh"
fi
export PORT=${PORT:-8080}
exec node "$ROOT/web/scripts/serve.mjs" "$ROOT/web/dist"
