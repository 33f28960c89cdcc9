#!/usr/bin/env bash
# Builds and runs the tracker benchmark in Release mode and prints its figures.
# Usage: tests/bench/tracker/run.sh [BUILD_DIR] [--postgresql] [bench_tracker options...]
#   e.g. tests/bench/tracker/run.sh --rounds 3
#        tests/bench/tracker/run.sh build --providers 100 --applicants-per-provider 1000
#        tests/bench/tracker/run.sh --postgresql   (the same on a throwaway PostgreSQL 15 cluster)
# Needs the sqlite3 command-line tool (Debian package sqlite3) for the comparison, and with
# --postgresql the postgresql-15 and postgresql-client packages (psql's \copy).
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
if [[ "${1:-}" == --postgresql ]]; then
  shift
  # The throwaway cluster trusts local connections: its URI holds no password.
  "$root/tests/support/pg-cluster" run bash -c \
    'exec "$0" --postgresql "$CARETOOLKIT_TEST_PG_URI" "$@"' \
    "$build/tests/bench/tracker/bench_tracker" --dir "$data" "$@"
else
  "$build/tests/bench/tracker/bench_tracker" --dir "$data" "$@"
fi
