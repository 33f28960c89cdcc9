#!/usr/bin/env bash
# Validity benchmark: the advert checker's findings and scores against a care recruiter's labels.
#
# Usage: tests/bench/validity/run.sh [BUILD_DIR] [--verbose]     (default: build)
#
# Builds caretoolkit in BUILD_DIR (Release unless the directory is already configured), then runs
# evaluate.py, which checks every advert in adverts/ and prints precision, recall, the Spearman
# correlation between score and rating, the spread of the scores, false positives by rule and
# misses by label kind. README.md explains the labels and each figure.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
build="$root/build"
if [[ $# -gt 0 && "$1" != --* ]]; then
  build="$1"
  shift
fi
mkdir -p "$build"
build="$(cd "$build" && pwd)"

if [[ ! -f "$build/CMakeCache.txt" ]]; then
  cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build "$build" --target caretoolkit -j2 >/dev/null

python3 "$here/evaluate.py" --checker "$build/caretoolkit" --rules "$root/rules" "$@"
