#!/usr/bin/env bash
# Renders the letters of the default workflow from the example cases into examples/letters/:
# every letter template once (its first occurrence across the scripts, in the order below), as
# HTML, PDF, and a PNG of the PDF's first page for review. Run it after changing a template, the
# profile, taal.yaml or huisstijl.css, and look at the PNGs before committing them.
#
#   scripts/render-examples.sh [path/to/uitdaag]     (default: build/server/uitdaag)
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
uitdaag="${1:-$root/build/server/uitdaag}"
out="$root/examples/letters"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

scripts=(uitdaagrecht-toegewezen uitdaagrecht-afgewezen uitdaagrecht-buiten-behandeling
         uitdaagrecht-deels-beeindigd uitdaagrecht-ingetrokken)

rm -f "$out"/*.html "$out"/*.pdf "$out"/*.png
mkdir -p "$out"
index="$work/index.md"
: > "$index"
for script in "${scripts[@]}"; do
  "$uitdaag" render --script "$root/examples/scripts/$script.yaml" --out "$work/$script" \
    "$root/workflows/uitdaagrecht.yaml" > /dev/null
  for pdf in "$work/$script"/*.pdf; do
    file="$(basename "$pdf" .pdf)"   # NN-template
    name="${file#*-}"
    [ -e "$out/$name.pdf" ] && continue
    cp "$pdf" "$out/$name.pdf"
    cp "${pdf%.pdf}.html" "$out/$name.html"
    pdftoppm -png -r 70 -f 1 -l 1 -singlefile "$pdf" "$out/$name"
    pages="$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')"
    echo "| \`$name\` | \`$script.yaml\`, step ${file%%-*} | $pages |" >> "$index"
  done
done

{
  echo "# Example letters of the default workflow"
  echo
  echo "Rendered by \`scripts/render-examples.sh\` from the example cases in \`examples/scripts/\`"
  echo "with the shipped templates and profile (fictional Gemeente Voorbeeldstad): for each letter"
  echo "the HTML and PDF as they are stored with a case, and a PNG of the PDF's first page."
  echo
  echo "| letter | from | pages |"
  echo "|---|---|---|"
  sort "$index"
} > "$out/README.md"
echo "rendered $(ls "$out"/*.pdf | wc -l) letters into $out"
