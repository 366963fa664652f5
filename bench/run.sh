#!/usr/bin/env bash
# The benchmark in one command (bench/README.md):
#
#   bash bench/run.sh                        # all five parts, big database of 1,000,000 cases
#   bash bench/run.sh --large 200000         # a quicker run
#   bash bench/run.sh --part durable --part pure
#   bash bench/run.sh http [--seconds S] [--connections N] [--cases N]   # the HTTP load run
#
# Builds the release flavour in build/bench (its own directory), installs the XState peer
# (bench/setup.sh: npm ci) when part pure runs, then runs build/bench/bench/uitdaag_bench with
# every argument given here. Generated databases are cached in build/bench-data/cases-<N>.db, so
# only the first run with a given size builds them. Exit status: 0 all targets met, 2 a target
# missed, 1 an error.
#
# `http` is a run of its own, not one of the parts above: it builds `uitdaag` and
# `uitdaag_trivial_http` in build/bench, installs wrk and curl when missing (bench/setup.sh
# --http), and runs bench/http_load.sh with the options given after it.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="$root/build/bench"

if [ "${1:-}" = http ]; then
  shift
  echo "bench/run: building uitdaag and uitdaag_trivial_http (release) in $build" >&2
  cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DUITDAAG_BUILD_TESTS=OFF \
        -DUITDAAG_BUILD_BENCH=ON -DUITDAAG_WERROR=OFF >/dev/null
  cmake --build "$build" --target uitdaag uitdaag_trivial_http -j "$(nproc)" >&2
  bash "$root/bench/setup.sh" --http >&2
  exec bash "$root/bench/http_load.sh" --uitdaag "$build/server/uitdaag" \
       --trivial "$build/bench/uitdaag_trivial_http" "$@"
fi

# Part pure needs the XState peer; find out whether it will run.
needs_xstate=yes
parts=()
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  case "${args[$i]}" in
    -h|--help)
      echo "usage: bash bench/run.sh [--part durable|pure|sweep|memory|letters]... [--large N] [--rounds N]"
      echo "                         [--seconds S] [--xstate-seconds S] [--keep-work]"
      echo "       bash bench/run.sh http [bench/http_load.sh options]"
      echo "Builds build/bench (Release) and runs uitdaag_bench; see bench/README.md."
      exit 0 ;;
    --part) parts+=("${args[$((i + 1))]:-}") ;;
  esac
done
if [ "${#parts[@]}" -gt 0 ]; then
  needs_xstate=no
  for p in "${parts[@]}"; do [ "$p" = pure ] && needs_xstate=yes; done
fi

echo "bench/run: building the release flavour in $build" >&2
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DUITDAAG_BUILD_TESTS=OFF \
      -DUITDAAG_BUILD_BENCH=ON -DUITDAAG_WERROR=OFF >/dev/null
cmake --build "$build" --target uitdaag_bench -j "$(nproc)" >&2

if [ "$needs_xstate" = yes ]; then
  bash "$root/bench/setup.sh" >&2
fi

echo "bench/run: free disk: $(df -h --output=avail "$root" | tail -1 | tr -d ' ')" >&2
exec "$build/bench/uitdaag_bench" --source-dir "$root" --data-dir "$root/build/bench-data" "$@"
