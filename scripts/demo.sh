#!/usr/bin/env bash
# Installs what is missing, builds Coulisse and starts it on demo data: a demo cache and a
# demo central store on a private PostgreSQL server in build/demo (created on first run,
# stopped when the app quits).
#   scripts/demo.sh [--videos N] [extra coulisse options]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${COULISSE_BUILD_DIR:-$root/build}
videos=200000
if [ "${1:-}" = "--videos" ]; then videos=$2; shift 2; fi
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"
exec "$build/bin/coulisse" --demo --demo-dir "$build/demo" --demo-videos "$videos" "$@"
