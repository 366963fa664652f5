#!/usr/bin/env bash
# Configures and builds one build flavour. Usage: scripts/build.sh [release|asan] [targets...]
#   release: optimised with debug info, warnings as errors (build/release)
#   asan:    AddressSanitizer + UndefinedBehaviorSanitizer, warnings as errors (build/asan)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
flavour=${1:-release}
shift || true

case "$flavour" in
  release) flags=(-DCMAKE_BUILD_TYPE=RelWithDebInfo -DUITDAAG_WERROR=ON) ;;
  asan)    flags=(-DCMAKE_BUILD_TYPE=Debug -DUITDAAG_WERROR=ON -DUITDAAG_SANITIZE=ON) ;;
  *) echo "build.sh: unknown flavour '$flavour' (release or asan)" >&2; exit 2 ;;
esac

dir="$root/build/$flavour"
cmake -S "$root" -B "$dir" "${flags[@]}" > /dev/null
if [ "$#" -gt 0 ]; then
  for target in "$@"; do cmake --build "$dir" --target "$target" -j "$(nproc)"; done
else
  cmake --build "$dir" -j "$(nproc)"
fi
