#!/usr/bin/env bash
# Installs what the XState peer of the benchmark needs: Node.js and npm (Debian packages, when
# missing) and the exact npm packages locked in bench/xstate/package-lock.json. Safe to run again:
# apt-get is only called when node or npm is missing, and `npm ci` reinstalls the locked versions.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
xstate_dir="$here/xstate"
min_node_major=18   # XState 5 and the `yaml` package need a current Node.js

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo_cmd=(sudo); fi
fi

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1 && { [ "$(id -u)" -eq 0 ] || [ "${#sudo_cmd[@]}" -gt 0 ]; }; then
    echo "bench/setup: installing nodejs npm"
    export DEBIAN_FRONTEND=noninteractive
    "${sudo_cmd[@]}" apt-get update -q
    "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends nodejs npm
  fi
fi

for tool in node npm; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "bench/setup: error: '$tool' is not installed and could not be installed here;" \
         "install Node.js >= $min_node_major with npm (Debian: apt-get install nodejs npm)" >&2
    exit 1
  fi
done

node_major="$(node -p 'process.versions.node.split(".")[0]')"
if [ "$node_major" -lt "$min_node_major" ]; then
  echo "bench/setup: error: Node.js $(node --version) is too old; the XState peer needs >= $min_node_major" >&2
  exit 1
fi

if [ ! -f "$xstate_dir/package-lock.json" ]; then
  echo "bench/setup: error: $xstate_dir/package-lock.json is missing" >&2
  exit 1
fi

echo "bench/setup: node $(node --version), npm $(npm --version); npm ci in bench/xstate"
(cd "$xstate_dir" && npm ci --no-audit --no-fund --loglevel=error)
echo "bench/setup: xstate $(node -p "require('$xstate_dir/node_modules/xstate/package.json').version") ready"
