#!/usr/bin/env bash
# Builds and runs every test suite twice: an optimised build with warnings as errors, then the
# same tests under AddressSanitizer and UndefinedBehaviorSanitizer. Exits non-zero on any failure.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

for flavour in release asan; do
  echo "== $flavour build"
  bash "$root/scripts/build.sh" "$flavour"
  echo "== $flavour tests"
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
    ctest --test-dir "$root/build/$flavour" --output-on-failure -j "$(nproc)"
done
