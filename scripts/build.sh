#!/usr/bin/env bash
# Configures and builds Coulisse in ./build (or $COULISSE_BUILD_DIR). Used by demo.sh and test.sh.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${COULISSE_BUILD_DIR:-$root/build}
jobs=${COULISSE_JOBS:-2}
if [ ! -f "$build/build.ninja" ]; then
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
fi
cmake --build "$build" -j"$jobs"
