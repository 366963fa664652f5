#!/usr/bin/env bash
# Builds the `uitdaag` command and shows the shipped workflows at work: validates them and runs
# the example case of the default workflow through every phase on real dates, printing each
# state, letter and deadline with its explanation, and renders the letters the case receives
# into build/letters/ (HTML and PDF). (The HTTP service comes with the next release;
# until then this is the way to see the engine run.)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/scripts/build.sh" release uitdaag
bin="$root/build/release/server/uitdaag"

"$bin" validate "$root"/workflows/*.yaml
echo
"$bin" simulate "$root/workflows/uitdaagrecht.yaml" "$root/examples/scripts/uitdaagrecht-toegewezen.yaml"
echo
echo "The letters this case receives, as HTML and PDF:"
"$bin" render --script "$root/examples/scripts/uitdaagrecht-toegewezen.yaml" \
  --out "$root/build/letters" "$root/workflows/uitdaagrecht.yaml"
