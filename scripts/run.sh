#!/usr/bin/env bash
# Builds `uitdaag` and runs the service on its embedded default: SQLite in build/uitdaag.db, the
# shipped workflows, letters and profile, on http://127.0.0.1:8080 (stop it with Ctrl-C). On the
# first start (a new database) it creates demo accounts and prints their passwords; remove
# build/uitdaag.db to start afresh. Extra arguments go to `uitdaag serve` (--port, --config...).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/scripts/build.sh" release uitdaag
cd "$root"
exec build/release/server/uitdaag serve --db build/uitdaag.db --workflows workflows "$@"
