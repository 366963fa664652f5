#!/usr/bin/env bash
# Installs what the benchmark needs beyond the build: for the XState peer Node.js and npm, for
# the HTTP load run (bench/http_load.sh) wrk and curl (Debian packages, when missing), and the
# exact npm packages locked in bench/xstate/package-lock.json. Safe to run again: apt-get is only
# called when a tool is missing, and `npm ci` reinstalls the locked versions.
#
#   bash bench/setup.sh          # everything
#   bash bench/setup.sh --http   # only what the HTTP load run needs: wrk and curl
set -euo pipefail

http_only=no
[ "${1:-}" = --http ] && http_only=yes

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
xstate_dir="$here/xstate"
min_node_major=18   # XState 5 and the `yaml` package need a current Node.js

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo_cmd=(sudo); fi
fi

# tool -> Debian package
declare -A package_of=([node]=nodejs [npm]=npm [wrk]=wrk [curl]=curl)
tools=(node npm wrk curl)
[ "$http_only" = yes ] && tools=(wrk curl)
missing=()
for tool in "${tools[@]}"; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("${package_of[$tool]}")
done
if [ "${#missing[@]}" -gt 0 ]; then
  if command -v apt-get >/dev/null 2>&1 && { [ "$(id -u)" -eq 0 ] || [ "${#sudo_cmd[@]}" -gt 0 ]; }; then
    echo "bench/setup: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    "${sudo_cmd[@]}" apt-get update -q
    "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
  fi
fi

for tool in wrk curl; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "bench/setup: '$tool' is not installed and could not be installed here; the HTTP load" \
         "run needs it (Debian: apt-get install $tool)" >&2
    [ "$http_only" = yes ] && exit 1
  fi
done
if [ "$http_only" = yes ]; then
  echo "bench/setup: wrk and curl ready"
  exit 0
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
