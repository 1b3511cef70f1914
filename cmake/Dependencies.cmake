# Provides the same targets for every build: simdjson::simdjson, re2::re2,
# nlohmann_json::nlohmann_json, ZLIB::ZLIB (and doctest::doctest for tests).
# Native: Debian 12's -dev packages (scripts/setup.sh installs them).
# Emscripten: sources fetched by scripts/fetch-wasm-deps.sh into .deps/ (git-ignored).
if(EMSCRIPTEN)
  include(${CMAKE_CURRENT_LIST_DIR}/WasmDependencies.cmake)
  return()
endif()

find_package(simdjson REQUIRED)
find_package(nlohmann_json 3.10 REQUIRED)
find_package(ZLIB REQUIRED)  # zlib1g-dev 1.2.13: the ZIP reader's inflate (tests also deflate)
find_package(PkgConfig REQUIRED)
# Debian's RE2 2022-06-01 ships no CMake config, only re2.pc.
pkg_check_modules(RE2 REQUIRED IMPORTED_TARGET GLOBAL re2)
add_library(re2::re2 ALIAS PkgConfig::RE2)
if(LINKDRIFT_BUILD_TESTS)
  find_package(doctest REQUIRED)
endif()
