#!/usr/bin/env bash
# The engine without the service: validates the shipped workflows, runs the example case of the
# default workflow through every phase on real dates (each state, letter and deadline with its
# explanation), and renders the letters that case receives into build/letters/.
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
