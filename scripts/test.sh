#!/usr/bin/env bash
# Installs what is missing, builds Coulisse and runs the whole test suite (headless).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${COULISSE_BUILD_DIR:-$root/build}
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"
# The translation must be complete for what exists.
unfinished=$(grep -c 'type="unfinished"' "$root/translations/coulisse_zh_CN.ts" || true)
if [ "$unfinished" != "0" ]; then
  echo "translations/coulisse_zh_CN.ts has $unfinished unfinished entries" >&2
  exit 1
fi
cd "$build"
QT_QPA_PLATFORM=offscreen ctest --output-on-failure -j"${COULISSE_JOBS:-2}" "$@"
