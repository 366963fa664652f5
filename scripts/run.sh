#!/usr/bin/env bash
# Builds the `uitdaag` command and shows the shipped workflows at work: validates them and runs
# the example case of the default workflow through every phase on real dates, printing each
# state, letter and deadline with its explanation. (The HTTP service comes with the next release;
# until then this is the way to see the engine run.)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/scripts/build.sh" release uitdaag
bin="$root/build/release/server/uitdaag"

"$bin" validate "$root"/workflows/*.yaml
echo
"$bin" simulate "$root/workflows/uitdaagrecht.yaml" "$root/examples/scripts/uitdaagrecht-toegewezen.yaml"
