#!/usr/bin/env bash
# Installs what is missing, builds Coulisse and starts it on demo data.
#   scripts/demo.sh [--videos N] [extra coulisse options]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${COULISSE_BUILD_DIR:-$root/build}
videos=200000
if [ "${1:-}" = "--videos" ]; then videos=$2; shift 2; fi
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"
cache="$build/demo/demo-$videos.sqlite"
if [ ! -f "$cache" ]; then
  echo "Writing demo data ($videos videos) to $cache"
  "$build/bin/coulisse-cli" demo-data --cache "$cache" --videos "$videos"
fi
exec "$build/bin/coulisse" --cache "$cache" "$@"
