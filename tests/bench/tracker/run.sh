#!/usr/bin/env bash
# Builds and runs the tracker benchmark in Release mode and prints its figures.
# Usage: tests/bench/tracker/run.sh [BUILD_DIR] [bench_tracker options...]   (default: build)
#   e.g. tests/bench/tracker/run.sh --rounds 3
#        tests/bench/tracker/run.sh build --providers 100 --applicants-per-provider 1000
# Needs the sqlite3 command-line tool (Debian package sqlite3) for the comparison.
set -euo pipefail
root=$(cd "$(dirname "$0")/../../.." && pwd)
build=$root/build
if [[ $# -gt 0 && "$1" != --* ]]; then  # a first argument that is not an option is the build folder
  build=$1
  shift
fi
if [[ ! -f "$build/CMakeCache.txt" ]]; then
  cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release
fi
cmake --build "$build" --target bench_tracker -j2
data=$(mktemp -d "${TMPDIR:-/tmp}/bench-tracker.XXXXXX")
trap 'rm -rf "$data"' EXIT
"$build/tests/bench/tracker/bench_tracker" --dir "$data" "$@"
