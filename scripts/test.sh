#!/usr/bin/env bash
# THE test command (README, CI's .ci/run): installs/fetches what is missing, then
#   1. native: build + ctest (Release)
#   2. asan:   build + ctest (ASan + UBSan)
#   3. wasm:   build the module + Node tests on the shared fixtures (node --test)
#   4. browser: the page in headless Chromium (scripts/test-browser.sh)
#   5. fuzz:   each libFuzzer target 60 s under ASan + UBSan (scripts/fuzz.sh; FUZZ_SECONDS=<n>)
# Every step runs even if an earlier one failed (a test run is skipped when its build
# failed); exits non-zero on any failure. The last line sums ctest's and node's results:
#   "linkdrift: <passed> passed, <failed> failed"
# Env: JOBS=<n> (build and ctest parallelism, default nproc).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
export DEBIAN_FRONTEND=noninteractive
export NODE_PATH=${NODE_PATH:+$NODE_PATH:}/usr/share/nodejs  # emcc 3.1.6 needs node-acorn
JOBS=${JOBS:-$(nproc)}
export JOBS
T0=$SECONDS

scripts/setup.sh --wasm --fuzz

summary=()   # one "step: result (time)" per step
failed_steps=0
tests_passed=0
tests_failed=0

step() {  # step <name> <command...>: run, record result and duration
  local name=$1 start=$SECONDS rc=0
  shift
  echo "::: $name"
  "$@" || rc=$?
  if ((rc == 0)); then
    summary+=("$name: OK ($((SECONDS - start))s)")
  else
    summary+=("$name: FAILED, exit $rc ($((SECONDS - start))s)")
    failed_steps=$((failed_steps + 1))
  fi
  return "$rc"
}

run_ctest() {  # run_ctest <preset>: ctest with a test-count tally from its summary line
  local preset=$1 out rc=0 line total nfail
  out=$(mktemp)
  # --no-tests=error: a preset that registers no tests is a failure, not a silent pass.
  ctest --preset "$preset" -j "$JOBS" --no-tests=error 2>&1 | tee "$out" || rc=$?
  # "100% tests passed, 0 tests failed out of 42"
  line=$(grep -E '[0-9]+% tests passed, [0-9]+ tests? failed out of [0-9]+' "$out" | tail -n 1 || true)
  rm -f "$out"
  if [[ -n $line ]]; then
    nfail=$(sed -E 's/.* ([0-9]+) tests? failed out of.*/\1/' <<<"$line")
    total=$(sed -E 's/.*out of ([0-9]+).*/\1/' <<<"$line")
    tests_failed=$((tests_failed + nfail))
    tests_passed=$((tests_passed + total - nfail))
  fi
  return "$rc"
}

for preset in native asan; do
  if step "build $preset" scripts/build.sh "$preset"; then
    step "ctest $preset" run_ctest "$preset" || true
  else
    summary+=("ctest $preset: SKIPPED (build failed)")
  fi
done

run_tap() {  # run_tap <command...>: a Node --test run whose "# pass N" / "# fail N" join the tally
  local out rc=0 n
  out=$(mktemp)
  "$@" 2>&1 | tee "$out" || rc=$?
  n=$(grep -E '^# pass [0-9]+$' "$out" | tail -n 1 | awk '{print $3}' || true)
  tests_passed=$((tests_passed + ${n:-0}))
  n=$(grep -E '^# fail [0-9]+$' "$out" | tail -n 1 | awk '{print $3}' || true)
  tests_failed=$((tests_failed + ${n:-0}))
  rm -f "$out"
  return "$rc"
}

if step "build wasm" scripts/build.sh wasm; then
  # Node tests (tests/node/*.test.mjs) of build/wasm/dist: the fixtures, byte-identity
  # with build/native/bin/linkdrift, the JS API, a 200 MB memory test. They load the
  # module through build/wasm/dist/node-loader.cjs, which reads the .wasm from disk (so
  # Node >= 18's global fetch needs no --no-experimental-fetch). Explicit files: Node
  # >= 21 reads arguments as globs, not folders.
  step "wasm node tests" run_tap node --test --test-reporter=tap tests/node/*.test.mjs || true
  # Browser end-to-end tests (tests/browser, headless Chromium; the script runs
  # setup.sh --browser, builds the page if needed and prints TAP).
  step "browser tests" run_tap scripts/test-browser.sh || true
fi

run_fuzz() {  # each target's "fuzz <t>: ... OK" / "FAILED" line joins the tally as one test
  local out rc=0 n
  out=$(mktemp)
  scripts/fuzz.sh --time "${FUZZ_SECONDS:-60}" 2>&1 | tee "$out" || rc=$?
  n=$(grep -cE '^fuzz [a-z]+: .*: OK$' "$out" || true)
  tests_passed=$((tests_passed + n))
  n=$(grep -cE '^fuzz [a-z]+: FAILED' "$out" || true)
  tests_failed=$((tests_failed + n))
  rm -f "$out"
  return "$rc"
}
step "fuzz smoke" run_fuzz || true

echo
echo "=== linkdrift test summary ($((SECONDS - T0))s total) ==="
printf '  %s\n' "${summary[@]}"
if ((failed_steps > 0)); then
  echo "  FAILED: $failed_steps step(s)"
fi
echo "linkdrift: $tests_passed passed, $tests_failed failed"
((failed_steps == 0))
