#!/usr/bin/env bash
# Installs what linkdrift needs on Debian 12, idempotently (quick and apt-free when
# everything is already there).
#   scripts/setup.sh          native toolchain + -dev packages (CLI, doctest tests)
#   scripts/setup.sh --wasm   also Emscripten 3.1.6 and what scripts/fetch-wasm-deps.sh
#                             needs, then runs it (sources into .deps/, git-ignored)
#   scripts/setup.sh --browser  also Debian's chromium and nodejs/npm (browser tests,
#                             tests/browser/, driven by npm playwright-core)
#   scripts/setup.sh --fuzz   also clang 14 and libFuzzer (scripts/fuzz.sh)
# Runs as root (CI does) or with sudo available.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

WASM=0
BROWSER=0
FUZZ=0
for arg in "$@"; do
  case $arg in
    --wasm) WASM=1 ;;
    --browser) BROWSER=1 ;;
    --fuzz) FUZZ=1 ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) echo "usage: $0 [--wasm] [--browser] [--fuzz]" >&2; exit 2 ;;
  esac
done

NATIVE_PKGS=(
  build-essential cmake ninja-build pkg-config  # compiler, CMake 3.25 (presets v6), Ninja
  libsimdjson-dev libre2-dev nlohmann-json3-dev doctest-dev
  zlib1g-dev      # the ZIP reader's inflate (the wasm build compiles zlib's Debian source)
  python3 python3-jsonschema  # the CLI tests' Python scripts; jsonschema: docs/report.schema.json
)
WASM_PKGS=(
  emscripten      # 3.1.6 with a prebuilt sysroot (libc, libc++ incl. -except variants)
  nodejs node-acorn  # emcc runs node and requires acorn from /usr/share/nodejs (NODE_PATH)
  dpkg-dev        # dpkg-source, used by `apt-get source`
  xz-utils        # unpacks the .tar.xz source tarballs
  make perl python3-six unicode-data  # RE2's table generators (Makefile, .pl, .py + six)
  nlohmann-json3-dev  # headers copied into .deps/include for emcc
)
FUZZ_PKGS=(
  clang-14 libclang-rt-14-dev  # -fsanitize=fuzzer,address,undefined (libFuzzer is in compiler-rt)
)
BROWSER_PKGS=(
  chromium        # headless browser for tests/browser (/usr/bin/chromium)
  nodejs          # node --test runner (npm ci installs playwright-core; npm added below if absent)
  fonts-dejavu-core  # readable screenshots
)

log() { echo "[setup] $*"; }

pkgs=("${NATIVE_PKGS[@]}")
((WASM)) && pkgs+=("${WASM_PKGS[@]}")
((BROWSER)) && pkgs+=("${BROWSER_PKGS[@]}")
((FUZZ)) && pkgs+=("${FUZZ_PKGS[@]}")
# Debian's nodejs has no npm; NodeSource's bundles it (and conflicts with Debian's npm).
((BROWSER)) && ! command -v npm >/dev/null && pkgs+=(npm)
mapfile -t pkgs < <(printf '%s\n' "${pkgs[@]}" | awk '!seen[$0]++')  # dedupe

missing=()
for p in "${pkgs[@]}"; do
  [[ $(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true) == "install ok installed" ]] ||
    missing+=("$p")
done
if ((${#missing[@]})); then
  SUDO=()
  if [[ $EUID -ne 0 ]]; then
    command -v sudo >/dev/null || { echo "[setup] ERROR: need root (or sudo) to install: ${missing[*]}" >&2; exit 1; }
    SUDO=(sudo DEBIAN_FRONTEND=noninteractive)
  fi
  log "installing: ${missing[*]}"
  "${SUDO[@]}" apt-get update -qq
  "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  log "installed ${#missing[@]} package(s)"
else
  log "packages already installed (${#pkgs[@]} checked$( ((WASM)) && echo ', incl. wasm')$( ((BROWSER)) && echo ', incl. browser'))"
fi

if ((WASM)); then
  "$ROOT/scripts/fetch-wasm-deps.sh"
fi
