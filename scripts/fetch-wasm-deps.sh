#!/usr/bin/env bash
# Fetches the sources the Emscripten build compiles itself, into .deps/ (git-ignored):
#   .deps/src/simdjson   simdjson 3.0.1        (Debian source package simdjson 3.0.1-*)
#   .deps/src/re2        RE2 2022-06-01        (Debian source package re2 20220601+dfsg-*),
#                        plus its three generated tables (made here from unicode-data)
#   .deps/src/zlib       zlib 1.2.13           (Debian source package zlib 1:1.2.13.dfsg-1)
#   .deps/include/nlohmann  copy of Debian's nlohmann-json3-dev headers (header-only;
#                        emcc must not see /usr/include, which holds glibc headers)
# The versions are the ones Debian 12 ships as -dev packages for the native build, so
# both builds compile the same library code.
#
# Debian's deb-src index is not enabled on the machine and we do not touch the system's
# apt configuration: a private deb822 sources file with "Types: deb-src" is derived from
# /etc/apt/sources.list.d/debian.sources and/or /etc/apt/sources.list, and apt runs with
# private list/cache dirs under .deps/apt/.
#
# Idempotent: exits at once when every source tree is present, complete and at the
# pinned version (a stamp file is written only after a tree is complete).
# Needs: apt-get, dpkg-dev (dpkg-source), make, perl, python3 + python3-six, unicode-data
# (scripts/setup.sh --wasm installs them).
# SC2053: the pins are globs matched on purpose; SC2015: `a && b || die` is intended.
# shellcheck disable=SC2053,SC2015
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive LC_ALL=C

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DEPS=$ROOT/.deps
SRC=$DEPS/src
APTDIR=$DEPS/apt
UNICODE_DIR=/usr/share/unicode
# Debian's python3 (python3-six lives there), not whatever python3 is first on PATH
# (pyenv shims etc.); RE2's Makefile runs plain `python3`, so make gets /usr/bin first.
PY=/usr/bin/python3

# Pins (shell globs over the Debian version). Keep in sync with cmake/WasmDependencies.cmake.
SIMDJSON_PIN='3.0.1-*'
RE2_PIN='20220601+dfsg-*'
# Exactly Debian 12's zlib1g-dev (1:1.2.13.dfsg-1). Not a glob: bookworm-security's
# -1+deb12u1 (a contrib/minizip fix, code not built here) would win, and is not served here.
ZLIB_PIN='1:1.2.13.dfsg-1'
ZLIB_FILES=(zlib.h zconf.h adler32.c crc32.c inflate.c inftrees.c inffast.c zutil.c)  # cmake/WasmDependencies.cmake
RE2_GENERATED=(re2/perl_groups.cc re2/unicode_casefold.cc re2/unicode_groups.cc)

log() { echo "[fetch-wasm-deps] $*"; }
die() { echo "[fetch-wasm-deps] ERROR: $*" >&2; exit 1; }

# --- completeness checks ----------------------------------------------------------
stamp_version() {  # prints the version recorded in a tree's stamp, or nothing
  local f=$1/.linkdrift-fetched
  [[ -f $f ]] && sed -n 's/^version=//p' "$f" || true
}
simdjson_complete() {
  local d=$SRC/simdjson v
  v=$(stamp_version "$d")
  [[ -n $v && $v == $SIMDJSON_PIN && -s $d/include/simdjson.h && -s $d/src/simdjson.cpp ]]
}
re2_complete() {
  local d=$SRC/re2 v f
  v=$(stamp_version "$d")
  [[ -n $v && $v == $RE2_PIN && -s $d/re2/re2.h && -s $d/re2/re2.cc ]] || return 1
  for f in "${RE2_GENERATED[@]}"; do [[ -s $d/$f ]] || return 1; done
}
zlib_complete() {
  local d=$SRC/zlib v f
  v=$(stamp_version "$d")
  [[ -n $v && $v == $ZLIB_PIN ]] || return 1
  for f in "${ZLIB_FILES[@]}"; do [[ -s $d/$f ]] || return 1; done
}
nlohmann_version() { dpkg-query -W -f='${Version}' nlohmann-json3-dev 2>/dev/null || true; }
nlohmann_complete() {
  local v; v=$(nlohmann_version)
  [[ -n $v && -s $DEPS/include/nlohmann/json.hpp && -f $DEPS/include/.nlohmann-version &&
     $(cat "$DEPS/include/.nlohmann-version") == "$v" ]]
}

if simdjson_complete && re2_complete && zlib_complete && nlohmann_complete; then
  log "up to date: simdjson $(stamp_version "$SRC/simdjson"), re2 $(stamp_version "$SRC/re2"), zlib $(stamp_version "$SRC/zlib"), nlohmann-json $(nlohmann_version) in .deps/"
  exit 0
fi

# --- nlohmann headers (copied from the installed -dev package) ----------------------
if ! nlohmann_complete; then
  v=$(nlohmann_version)
  [[ -n $v && -s /usr/include/nlohmann/json.hpp ]] ||
    die "nlohmann-json3-dev is not installed: run scripts/setup.sh --wasm first"
  mkdir -p "$DEPS/include"
  rm -rf "$DEPS/include/nlohmann" "$DEPS/include/.nlohmann-version"
  cp -a /usr/include/nlohmann "$DEPS/include/nlohmann"
  echo "$v" > "$DEPS/include/.nlohmann-version"
  log "copied nlohmann-json $v headers to .deps/include/nlohmann"
fi
if simdjson_complete && re2_complete && zlib_complete; then
  log "up to date: simdjson $(stamp_version "$SRC/simdjson"), re2 $(stamp_version "$SRC/re2"), zlib $(stamp_version "$SRC/zlib")"
  exit 0
fi

# --- prerequisites ------------------------------------------------------------------
missing=()
for tool in apt-get apt-cache dpkg-source make perl $PY; do
  command -v "$tool" >/dev/null || missing+=("$tool")
done
$PY -c 'import six' 2>/dev/null || missing+=("python3 module six (python3-six)")
for f in UnicodeData.txt CaseFolding.txt Scripts.txt; do
  [[ -s $UNICODE_DIR/$f ]] || missing+=("$UNICODE_DIR/$f (unicode-data)")
done
((${#missing[@]} == 0)) || die "missing: ${missing[*]}; run scripts/setup.sh --wasm first"

# --- private deb-src configuration ---------------------------------------------------
mkdir -p "$APTDIR/lists/partial" "$APTDIR/cache/archives/partial" "$APTDIR/empty.d"
SOURCES_FILE=$APTDIR/deb-src.sources
$PY - "$SOURCES_FILE" /etc/apt/sources.list.d/debian.sources /etc/apt/sources.list <<'PY'
# Turn every enabled "deb" entry of the given apt source files (deb822 *.sources or
# one-line *.list) into a deb822 "Types: deb-src" stanza with the same URIs, suites,
# components and options (Signed-By etc.).
import os, re, sys
out, inputs = sys.argv[1], sys.argv[2:]
stanzas = []  # list of [(field, value)]
ONE_LINE_OPT = {"arch": "Architectures", "lang": "Languages", "target": "Targets"}

def parse_deb822(text):
    for block in re.split(r"\n\s*\n", text):
        fields, cur = [], None
        for line in block.splitlines():
            if line.startswith("#"):
                continue
            if line[:1] in (" ", "\t") and cur is not None:
                fields[-1] = (fields[-1][0], fields[-1][1] + "\n" + line)
                continue
            if ":" not in line:
                continue
            k, v = line.split(":", 1)
            cur = k.strip()
            fields.append((cur, v.strip()))
        d = {k.lower(): v for k, v in fields}
        if "deb" not in d.get("types", "").split():
            continue
        if d.get("enabled", "yes").strip().lower() in ("no", "false", "0"):
            continue
        if not d.get("uris") or not d.get("suites"):
            continue
        stanzas.append([("Types", "deb-src")] +
                       [(k, v) for k, v in fields if k.lower() not in ("types", "enabled")])

def parse_one_line(text):
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        m = re.match(r"^deb\s+(?:\[([^\]]*)\]\s+)?(\S+)\s+(\S+)\s*(.*)$", line)
        if not m:
            continue
        opts, uri, suite, comps = m.groups()
        fields = [("Types", "deb-src"), ("URIs", uri), ("Suites", suite)]
        if comps.strip():
            fields.append(("Components", comps.strip()))
        for opt in (opts or "").split():
            if "=" not in opt:
                continue
            k, v = opt.split("=", 1)
            k = k.rstrip("+-")
            fields.append((ONE_LINE_OPT.get(k.lower(), k), v.replace(",", " ")))
        stanzas.append(fields)

for path in inputs:
    if not os.path.isfile(path):
        continue
    text = open(path, encoding="utf-8", errors="replace").read()
    (parse_deb822 if path.endswith(".sources") else parse_one_line)(text)

stanzas = [s for s in stanzas if not dict(s).get("URIs", "").startswith("cdrom:")]
if not stanzas:
    sys.exit("no enabled 'deb' entries found in " + ", ".join(inputs))
with open(out, "w") as f:
    f.write("# Generated by scripts/fetch-wasm-deps.sh from " + ", ".join(
        p for p in inputs if os.path.isfile(p)) + "\n")
    for s in stanzas:
        f.write("\n".join(f"{k}: {v}" for k, v in s) + "\n\n")
PY

APT_OPTS=(
  -o "Dir::Etc::SourceList=$SOURCES_FILE"
  -o "Dir::Etc::SourceParts=$APTDIR/empty.d"
  -o "Dir::State::Lists=$APTDIR/lists"
  -o "Dir::Cache=$APTDIR/cache"
)
# As root, apt downloads as the unprivileged _apt user, which cannot write into our
# root-owned private dirs (apt then warns "Download is performed unsandboxed").
[[ $EUID -eq 0 ]] && APT_OPTS+=(-o APT::Sandbox::User=root)

LOG=$DEPS/fetch.log
: > "$LOG"
run() {  # run a command quietly, showing its output only on failure
  if ! "$@" >>"$LOG" 2>&1; then
    tail -n 40 "$LOG" >&2
    die "failed: $* (full log: ${LOG#"$ROOT"/})"
  fi
}

log "updating private deb-src index (.deps/apt, from $(sed -n 's/^URIs: //p' "$SOURCES_FILE" | sort -u | tr '\n' ' '))"
run apt-get "${APT_OPTS[@]}" -q update

# Pick the highest Debian version of source package $1 that matches glob $2.
pick_version() {
  local pkg=$1 pin=$2 v best='' offered=()
  while read -r v; do
    offered+=("$v")
    [[ $v == $pin ]] || continue
    if [[ -z $best ]] || dpkg --compare-versions "$v" gt "$best"; then best=$v; fi
  done < <(apt-cache "${APT_OPTS[@]}" showsrc "$pkg" 2>/dev/null |
           awk -v p="$pkg" '/^Package: /{cur=$2} /^Version: /{if (cur==p) print $2}' | sort -u)
  if [[ -z $best ]]; then
    die "Debian offers source package $pkg version(s) [${offered[*]:-none}], but linkdrift pins $pin; update the pins in scripts/fetch-wasm-deps.sh and cmake/WasmDependencies.cmake deliberately"
  fi
  echo "$best"
}

STAGE=$DEPS/tmp
rm -rf "$STAGE"
mkdir -p "$STAGE" "$SRC"

# Download + unpack (dpkg-source -x, Debian patches applied) source package $1=$2 into
# $STAGE/$1 and print the unpacked directory.
fetch_source() {
  local pkg=$1 ver=$2 dir
  mkdir -p "$STAGE/$pkg"
  (cd "$STAGE/$pkg" && run apt-get "${APT_OPTS[@]}" -q source "$pkg=$ver")
  dir=$(find "$STAGE/$pkg" -mindepth 1 -maxdepth 1 -type d | head -n 1)
  [[ -n $dir ]] || die "apt-get source $pkg=$ver unpacked nothing (see ${LOG#"$ROOT"/})"
  echo "$dir"
}

write_stamp() {  # dir pkg version
  local dsc
  dsc=$(find "$(dirname "$1")" -maxdepth 1 -name '*.dsc' | head -n 1)
  { echo "package=$2"; echo "version=$3"
    [[ -n $dsc ]] && echo "dsc_sha256=$(sha256sum "$dsc" | cut -d' ' -f1)"
    echo "fetched=$(date -u +%Y-%m-%dT%H:%M:%SZ)"; } > "$1/.linkdrift-fetched"
}

install_tree() {  # staged dir -> .deps/src/<name> (replacing any incomplete/stale tree)
  rm -rf "${SRC:?}/$2"
  mv "$1" "$SRC/$2"
}

if ! simdjson_complete; then
  ver=$(pick_version simdjson "$SIMDJSON_PIN")
  log "fetching simdjson $ver"
  dir=$(fetch_source simdjson "$ver")
  [[ -s $dir/include/simdjson.h && -s $dir/src/simdjson.cpp ]] ||
    die "simdjson $ver source lacks include/simdjson.h or src/simdjson.cpp"
  write_stamp "$dir" simdjson "$ver"
  install_tree "$dir" simdjson
fi

if ! re2_complete; then
  ver=$(pick_version re2 "$RE2_PIN")
  log "fetching re2 $ver"
  dir=$(fetch_source re2 "$ver")
  # RE2's table generators read the Unicode Character Database from a URL prefix in
  # re2/unicode.py (Debian's debian-unicode-data.patch already points it at
  # /usr/share/unicode). Force the local dir in our copy in case the patch changes:
  # there is no internet here.
  sed -i "s|^_UNICODE_DIR = .*|_UNICODE_DIR = \"$UNICODE_DIR\"|" "$dir/re2/unicode.py"
  grep -q "^_UNICODE_DIR = \"$UNICODE_DIR\"" "$dir/re2/unicode.py" ||
    die "could not point re2/unicode.py at $UNICODE_DIR"
  log "generating ${RE2_GENERATED[*]} (RE2 Makefile, REBUILD_TABLES=1, unicode-data $(dpkg-query -W -f='${Version}' unicode-data 2>/dev/null || echo '?'))"
  rm -f "${RE2_GENERATED[@]/#/$dir/}"
  run env PATH="/usr/bin:$PATH" make -C "$dir" REBUILD_TABLES=1 "${RE2_GENERATED[@]}"
  for f in "${RE2_GENERATED[@]}"; do
    [[ -s $dir/$f ]] && grep -q GENERATED "$dir/$f" || die "RE2 table $f was not generated"
  done
  write_stamp "$dir" re2 "$ver"
  install_tree "$dir" re2
fi

if ! zlib_complete; then
  ver=$(pick_version zlib "$ZLIB_PIN")
  log "fetching zlib $ver"
  dir=$(fetch_source zlib "$ver")
  for f in "${ZLIB_FILES[@]}"; do
    [[ -s $dir/$f ]] || die "zlib $ver source lacks $f"
  done
  write_stamp "$dir" zlib "$ver"
  install_tree "$dir" zlib
fi

rm -rf "$STAGE"
simdjson_complete && re2_complete && zlib_complete || die "sources incomplete after fetch (bug)"
log "done: simdjson $(stamp_version "$SRC/simdjson"), re2 $(stamp_version "$SRC/re2"), zlib $(stamp_version "$SRC/zlib") in .deps/src/"
