#!/usr/bin/env bash
# Configures and builds CMake presets (CMakePresets.json; build dirs build/<preset>).
#   scripts/build.sh                   native
#   scripts/build.sh native asan wasm  several, in order; stops at the first failure
# Presets: native (Release), debug, asan (ASan+UBSan), fuzz (libFuzzer, clang 14), wasm (Emscripten; needs
# scripts/setup.sh --wasm first). Parallelism: JOBS=<n> (default: nproc).
# Configure output goes to build/<preset>.configure.log (shown on failure); build output
# to stdout and build/<preset>.build.log, with the errors repeated on stderr on failure.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
JOBS=${JOBS:-$(nproc)}
# emcc 3.1.6 requires Debian's node-acorn from /usr/share/nodejs (the wasm preset sets it
# too; exported here for direct ninja/emcc runs in the same environment).
export NODE_PATH=${NODE_PATH:+$NODE_PATH:}/usr/share/nodejs

presets=("$@")
((${#presets[@]})) || presets=(native)
for p in "${presets[@]}"; do
  case $p in
    native|debug|asan|fuzz|wasm) ;;
    *) echo "usage: $0 [native|debug|asan|fuzz|wasm]..." >&2; exit 2 ;;
  esac
done

for p in "${presets[@]}"; do
  start=$SECONDS
  mkdir -p build
  clog=build/$p.configure.log
  echo "[build] $p: configure (cmake --preset $p)"
  if ! cmake --preset "$p" >"$clog" 2>&1; then
    cat "$clog" >&2
    echo "[build] $p: configure FAILED (log: $clog)" >&2
    exit 1
  fi
  grep -q 'CMake Warning' "$clog" && { echo "[build] $p: configure warnings:"; grep -A6 'CMake Warning' "$clog"; }
  echo "[build] $p: build (cmake --build --preset $p -j $JOBS)"
  blog=build/$p.build.log
  if ! cmake --build --preset "$p" -j "$JOBS" 2>&1 | tee "$blog"; then
    # Repeat the errors on stderr: callers may silence stdout (ninja prints there).
    grep -E 'FAILED:|error:|undefined reference' "$blog" | head -n 40 >&2 || true
    echo "[build] $p: build FAILED after $((SECONDS - start))s (log: $blog)" >&2
    exit 1
  fi
  echo "[build] $p: OK in $((SECONDS - start))s"
done
