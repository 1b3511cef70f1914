#!/usr/bin/env bash
# Builds the static page, both forms, from one command:
#   web/dist/                      hosted build: static files with relative paths (serve from any sub-path)
#   web/dist-single/linkdrift.html one self-contained file (JS, CSS, worker, wasm, demo inlined; works from file://)
# Steps: setup (Debian packages + Emscripten) -> native + wasm builds -> demo export ->
# npm ci (only when node_modules is missing or package-lock.json changed) -> vite build (x2).
#   scripts/build-web.sh               everything
#   SKIP_CORE=1 scripts/build-web.sh   reuse existing build/native and build/wasm outputs (no setup/cmake)
# Generated files (web/generated/: wasm module, options.ts; web/public/demo/, web/dist*/) are git-ignored.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WEB=$ROOT/web
cd "$ROOT"
log() { echo "[build-web] $*"; }

if [[ ${SKIP_CORE:-0} != 1 ]]; then
  scripts/setup.sh --wasm
  command -v npm >/dev/null || { echo "[build-web] npm is missing (Debian: apt-get install npm, or Node >= 20.19 with npm)" >&2; exit 1; }
  scripts/build.sh native wasm
fi

# The wasm module: the page's ES module build (ENVIRONMENT=web,worker).
WASM_DIR=
for d in build/wasm/dist build/wasm/wasm build/wasm; do
  [[ -f $d/linkdrift.mjs && -f $d/linkdrift.wasm ]] && { WASM_DIR=$d; break; }
done
[[ -n $WASM_DIR ]] || { echo "[build-web] linkdrift.mjs/linkdrift.wasm not found under build/wasm (run scripts/build.sh wasm)" >&2; exit 1; }
mkdir -p "$WEB/generated"
cp "$WASM_DIR/linkdrift.mjs" "$WASM_DIR/linkdrift.wasm" "$WEB/generated/"
log "wasm module from $WASM_DIR ($(stat -c %s "$WASM_DIR/linkdrift.wasm") bytes)"

# The demo export (deterministic; docs/demo-data.md lists its stories).
GEN=build/native/bin/linkdrift-gen
[[ -x $GEN ]] || { echo "[build-web] $GEN missing (run scripts/build.sh native)" >&2; exit 1; }
DEMO=$WEB/public/demo/linkdrift-demo.json
mkdir -p "$(dirname "$DEMO")"
if [[ ! -s $DEMO || $GEN -nt $DEMO ]]; then
  "$GEN" --size 10MB --seed 1 --layout account --quiet --out "$DEMO"
  log "demo export: $DEMO ($(stat -c %s "$DEMO") bytes)"
fi

# The page's option types and defaults, from the core's option tables (`linkdrift options`).
CLI=build/native/bin/linkdrift
[[ -x $CLI ]] || { echo "[build-web] $CLI missing (run scripts/build.sh native)" >&2; exit 1; }
"$CLI" options >"$WEB/generated/options.json"
node "$WEB/scripts/gen-options.mjs" "$WEB/generated/options.json" "$WEB/generated/options.ts"
log "option types: web/generated/options.ts"

# Node packages: npm ci only when needed.
cd "$WEB"
node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)' ||
  { echo "[build-web] Node >= 20.19 is required by Vite 8 (found $(node --version))" >&2; exit 1; }
STAMP=node_modules/.linkdrift-lock.sha256
LOCK_SUM=$(sha256sum package-lock.json | cut -d' ' -f1)
if [[ ! -d node_modules || ! -f $STAMP || $(cat "$STAMP") != "$LOCK_SUM" ]]; then
  log "npm ci"
  npm ci --no-audit --no-fund
  echo "$LOCK_SUM" >"$STAMP"
else
  log "node_modules up to date"
fi

log "typecheck"
npx tsc --noEmit
log "vite build -> web/dist"
npx vite build --logLevel warn
log "vite build --mode single -> web/dist-single/linkdrift.html"
npx vite build --mode single --logLevel warn
node scripts/make-single.mjs

log "done:"
(cd "$WEB" && find dist -type f -printf '  %p %s bytes\n' | sort && printf '  %s %s bytes\n' dist-single/linkdrift.html "$(stat -c %s dist-single/linkdrift.html)")
