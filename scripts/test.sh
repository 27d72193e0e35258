#!/usr/bin/env bash
# Installs what is missing, builds Coulisse and runs the whole test suite (headless).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${COULISSE_BUILD_DIR:-$root/build}
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"
# The translations must be complete for what exists.
for ts in "$root"/translations/*.ts; do
  unfinished=$(grep -c 'type="unfinished"\|type="vanished"\|type="obsolete"' "$ts" || true)
  if [ "$unfinished" != "0" ]; then
    echo "$ts has $unfinished unfinished or vanished entries: run the update_translations target and translate them" >&2
    exit 1
  fi
done
cd "$build"
QT_QPA_PLATFORM=offscreen ctest --output-on-failure -j"${COULISSE_JOBS:-2}" "$@"
