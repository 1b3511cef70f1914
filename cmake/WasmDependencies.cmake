# Emscripten build of the dependencies: the same targets as the native build
# (simdjson::simdjson, re2::re2, nlohmann_json::nlohmann_json, ZLIB::ZLIB), compiled
# from the Debian source packages that scripts/fetch-wasm-deps.sh puts in .deps/
# (git-ignored). Same versions as Debian 12's -dev packages used natively: simdjson
# 3.0.1, RE2 2022-06-01, zlib 1.2.13, nlohmann-json 3.11.2 (headers copied from
# nlohmann-json3-dev). Not Emscripten's -sUSE_ZLIB port: ports download from the internet.
#
# The libraries are built with an explicit source list (not their own CMakeLists):
# RE2's CMakeLists does find_package(Threads REQUIRED) + include(CTest) + install rules,
# simdjson's pulls in developer options and install/export rules; neither is needed here.
# Keep the source lists in sync with the pinned versions (from RE2's CMakeLists.txt
# RE2_SOURCES; simdjson builds from its one amalgamating TU src/simdjson.cpp).

set(LINKDRIFT_DEPS_DIR "${PROJECT_SOURCE_DIR}/.deps" CACHE PATH
    "Sources fetched by scripts/fetch-wasm-deps.sh")
# Pins: keep in sync with SIMDJSON_PIN / RE2_PIN / ZLIB_PIN in scripts/fetch-wasm-deps.sh.
set(_ld_simdjson_pin "^3\\.0\\.1-")
set(_ld_re2_pin "^20220601\\+dfsg-")
set(_ld_zlib_pin "^1:1\\.2\\.13\\.dfsg-1$")

set(_ld_simdjson_dir "${LINKDRIFT_DEPS_DIR}/src/simdjson")
set(_ld_re2_dir "${LINKDRIFT_DEPS_DIR}/src/re2")
set(_ld_zlib_dir "${LINKDRIFT_DEPS_DIR}/src/zlib")
set(_ld_include_dir "${LINKDRIFT_DEPS_DIR}/include")

# --- presence check: fail at configure time, not halfway through the build ----------
function(_ld_check_fetched dir pin what)
  set(stamp "${dir}/.linkdrift-fetched")
  if(NOT EXISTS "${stamp}")
    message(FATAL_ERROR
      "${what} sources missing in ${dir}: run scripts/setup.sh --wasm first "
      "(or scripts/fetch-wasm-deps.sh if the packages are installed).")
  endif()
  file(STRINGS "${stamp}" ver REGEX "^version=")
  string(REPLACE "version=" "" ver "${ver}")
  if(NOT ver MATCHES "${pin}")
    message(FATAL_ERROR "${what} in ${dir} is version '${ver}', expected ${pin}: "
      "run scripts/setup.sh --wasm first (it re-fetches the pinned version).")
  endif()
  # Re-configure when a re-fetch replaces the tree.
  set_property(DIRECTORY "${PROJECT_SOURCE_DIR}" APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${stamp}")
  message(STATUS "linkdrift wasm deps: ${what} ${ver} from ${dir}")
endfunction()
_ld_check_fetched("${_ld_simdjson_dir}" "${_ld_simdjson_pin}" "simdjson")
_ld_check_fetched("${_ld_re2_dir}" "${_ld_re2_pin}" "RE2")
_ld_check_fetched("${_ld_zlib_dir}" "${_ld_zlib_pin}" "zlib")
if(NOT EXISTS "${_ld_include_dir}/nlohmann/json.hpp")
  message(FATAL_ERROR "nlohmann-json headers missing in ${_ld_include_dir}/nlohmann: "
    "run scripts/setup.sh --wasm first.")
endif()
foreach(_f re2/perl_groups.cc re2/unicode_casefold.cc re2/unicode_groups.cc)
  if(NOT EXISTS "${_ld_re2_dir}/${_f}")
    message(FATAL_ERROR "RE2 generated table ${_f} missing: run scripts/setup.sh --wasm first.")
  endif()
endforeach()

# --- C++ exceptions: one setting for the whole wasm build ---------------------------
# Emscripten 3.1.6 compiles `throw` but by default cannot *catch* (a throw aborts the
# module). The core returns errors as values for user data, but std containers,
# std::string and nlohmann::json (its parse()/at() throw) may still throw; with catching
# disabled any such throw kills the whole wasm instance instead of being handled.
# -fwasm-exceptions = WebAssembly's own exception handling (try/catch instructions;
# Node >= 17, Chromium >= 95, Firefox >= 100, Safari >= 15.2). Emscripten's older
# JS-based -fexceptions routes every call that may throw through an invoke_* JS
# trampoline: 5-6% more CPU for the whole run and a 15% larger .wasm (measured,
# docs/performance.md "Third pass"). Must be passed to every compile AND to the final
# link, hence global here. Turn OFF only after measuring (then simdjson is built with
# SIMDJSON_EXCEPTIONS=0 to match).
option(LINKDRIFT_WASM_EXCEPTIONS "Build the wasm target with -fwasm-exceptions (catchable C++ exceptions)" ON)
if(LINKDRIFT_WASM_EXCEPTIONS)
  add_compile_options(-fwasm-exceptions)
  add_link_options(-fwasm-exceptions)
  set(_ld_simdjson_exceptions 1)
else()
  set(_ld_simdjson_exceptions 0)
endif()

# --- simdjson 3.0.1 ------------------------------------------------------------------
# src/simdjson.cpp #includes every kernel guarded by SIMDJSON_IMPLEMENTATION_*; for
# wasm32 no SIMD kernel (haswell/westmere/icelake/arm64/ppc64) applies, so only the
# portable "fallback" kernel is compiled and selected at runtime (no -msimd128 needed;
# simdjson 3.0.1 has no wasm SIMD kernel).
add_library(linkdrift_wasm_simdjson STATIC "${_ld_simdjson_dir}/src/simdjson.cpp")
# src/ for the #include "implementation.cpp"-style includes of the amalgamating TU.
target_include_directories(linkdrift_wasm_simdjson PRIVATE "${_ld_simdjson_dir}/src")
# SYSTEM: like /usr/include natively, the core's -Wall -Wconversion must not report
# warnings inside third-party headers.
target_include_directories(linkdrift_wasm_simdjson SYSTEM PUBLIC "${_ld_simdjson_dir}/include")
target_compile_definitions(linkdrift_wasm_simdjson PUBLIC
  # wasm32 is a 32-bit target: portability.h would emit a "designed for 64-bit
  # processors" #warning in every TU that includes simdjson.h.
  SIMDJSON_NO_PORTABILITY_WARNING=1
  # Explicit (header default follows __cpp_exceptions) so that library and users agree.
  SIMDJSON_EXCEPTIONS=${_ld_simdjson_exceptions})
# No SIMDJSON_THREADS_ENABLED (Debian's native build has it): the wasm build is
# single-threaded (no -pthread / SharedArrayBuffer); it only affects parse_many's
# background thread.
target_compile_features(linkdrift_wasm_simdjson PUBLIC cxx_std_17)
target_compile_options(linkdrift_wasm_simdjson PRIVATE -w)  # pinned third-party code: no warning noise
add_library(simdjson::simdjson ALIAS linkdrift_wasm_simdjson)

# --- RE2 2022-06-01 -------------------------------------------------------------------
# Same list as RE2_SOURCES in the pinned RE2's CMakeLists.txt. perl_groups.cc,
# unicode_casefold.cc and unicode_groups.cc are generated by fetch-wasm-deps.sh.
set(_ld_re2_sources
  re2/bitstate.cc re2/compile.cc re2/dfa.cc re2/filtered_re2.cc re2/mimics_pcre.cc
  re2/nfa.cc re2/onepass.cc re2/parse.cc re2/perl_groups.cc re2/prefilter.cc
  re2/prefilter_tree.cc re2/prog.cc re2/re2.cc re2/regexp.cc re2/set.cc
  re2/simplify.cc re2/stringpiece.cc re2/tostring.cc re2/unicode_casefold.cc
  re2/unicode_groups.cc util/rune.cc util/strutil.cc)
list(TRANSFORM _ld_re2_sources PREPEND "${_ld_re2_dir}/")
add_library(linkdrift_wasm_re2 STATIC ${_ld_re2_sources})
# RE2's public headers are included as "re2/re2.h" from its source root.
target_include_directories(linkdrift_wasm_re2 SYSTEM PUBLIC "${_ld_re2_dir}")
# No -pthread (upstream links Threads::Threads): RE2's util/mutex.h uses
# pthread_rwlock_*, which Emscripten's single-threaded libc provides as no-op stubs,
# and std::call_once works without threads; so RE2 is safe in a single-threaded module.
# -pthread would force SharedArrayBuffer (cross-origin isolation) on every page using it.
target_compile_features(linkdrift_wasm_re2 PUBLIC cxx_std_11)
target_compile_options(linkdrift_wasm_re2 PRIVATE -w)  # pinned third-party code: no warning noise
add_library(re2::re2 ALIAS linkdrift_wasm_re2)

# --- nlohmann-json 3.11.2 (header-only) ----------------------------------------------
# Only .deps/include (which holds nothing but nlohmann/) goes on emcc's include path:
# adding /usr/include would pull glibc headers into the Emscripten sysroot's place.
add_library(linkdrift_wasm_nlohmann_json INTERFACE)
target_include_directories(linkdrift_wasm_nlohmann_json SYSTEM INTERFACE "${_ld_include_dir}")
target_compile_features(linkdrift_wasm_nlohmann_json INTERFACE cxx_std_11)
add_library(nlohmann_json::nlohmann_json ALIAS linkdrift_wasm_nlohmann_json)

# --- zlib 1.2.13 (C) ------------------------------------------------------------------
# Inflate only: the core reads ZIP entries (raw inflate + crc32); deflate, gz* and
# compress/uncompress are never called (the deflating ZIP writer is test-only, native).
# Keep in sync with ZLIB_FILES in scripts/fetch-wasm-deps.sh.
enable_language(C)
set(_ld_zlib_sources adler32.c crc32.c inflate.c inftrees.c inffast.c zutil.c)
list(TRANSFORM _ld_zlib_sources PREPEND "${_ld_zlib_dir}/")
add_library(linkdrift_wasm_zlib STATIC ${_ld_zlib_sources})
# Users see only zlib.h + zconf.h (copied at configure time): zlib's source dir also holds
# internal headers (inflate.h, trees.h, crc32.h, ...) that must not shadow anything.
set(_ld_zlib_include "${CMAKE_BINARY_DIR}/linkdrift-wasm-zlib/include")
file(COPY "${_ld_zlib_dir}/zlib.h" "${_ld_zlib_dir}/zconf.h" DESTINATION "${_ld_zlib_include}")
target_include_directories(linkdrift_wasm_zlib SYSTEM PUBLIC "${_ld_zlib_include}")
target_compile_options(linkdrift_wasm_zlib PRIVATE -w)  # pinned third-party code: no warning noise
add_library(ZLIB::ZLIB ALIAS linkdrift_wasm_zlib)
