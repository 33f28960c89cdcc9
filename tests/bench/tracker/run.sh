#!/usr/bin/env bash
# Builds and runs the tracker benchmark in Release mode and prints its figures.
# Usage: tests/bench/tracker/run.sh [BUILD_DIR] [bench_tracker options...]
#   e.g. tests/bench/tracker/run.sh build --providers 100 --applicants-per-provider 1000
# Needs the sqlite3 command-line tool (Debian package sqlite3) for the comparison.
set -euo pipefail
root=$(cd "$(dirname "$0")/../../.." && pwd)
build=${1:-$root/build}
shift || true
if [[ ! -f "$build/CMakeCache.txt" ]]; then
  cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release
fi
cmake --build "$build" --target bench_tracker -j2
data=$(mktemp -d "${TMPDIR:-/tmp}/bench-tracker.XXXXXX")
trap 'rm -rf "$data"' EXIT
"$build/tests/bench/tracker/bench_tracker" --dir "$data" "$@"
