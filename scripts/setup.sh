#!/usr/bin/env bash
# Installs every Debian package the project needs to build, test and run, on a fresh Debian 12
# machine. Safe to run again: apt-get skips what is already installed.
set -euo pipefail

packages=(
  build-essential cmake pkg-config git
  libyaml-cpp-dev          # workflow definitions
  libpoco-dev              # Poco: Data (SQLite connector), JSON, Foundation (SHA-256)
  libsqlite3-dev           # the embedded store (Poco's SQLite connector links the system library)
  libargon2-dev            # Argon2id password hashing for accounts (Poco 1.11 has no usable KDF)
  catch2                   # tests (Catch2 v2)
  graphviz                 # `dot`, used by the graph tests to prove the DOT output parses
  libkainjow-mustache-dev  # letter templates (header-only Mustache, HTML-escaping)
  libcairo2-dev libpango1.0-dev  # letters as PDF: text layout, embedded font subsets
  fonts-dejavu-core        # the default letter font (DejaVu Serif / Sans)
  ghostscript              # optional PDF/A-2b archiving of letters
  poppler-utils            # pdftotext, pdfinfo, pdffonts, pdftoppm: the letter tests read real PDFs
  wrk curl                 # the HTTP load script and its one-second smoke test
  nginx-light              # the front-door tests run the service behind a real reverse proxy
  chromium fonts-liberation fonts-noto-core  # the browser tests of the pages (playwright-core)
)
# Node.js and npm run the test tools pinned in package-lock.json (OpenAPI lint and validation, the
# browser tests). Machines of this kind come with Node.js 20 and its own npm (not Debian's); Debian's
# npm package conflicts with that nodejs, so Debian's are installed only where no node/npm exists.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  packages+=(nodejs npm)
fi

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

if [ "${#missing[@]}" -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -q
  "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
else
  echo "setup: all packages present"
fi

# npm packages for the tests, exactly as pinned in package-lock.json (into node_modules/).
root=$(cd "$(dirname "$0")/.." && pwd)
if [ -f "$root/package-lock.json" ]; then
  echo "setup: npm ci"
  (cd "$root" && npm ci --no-audit --no-fund --loglevel=error)
fi
