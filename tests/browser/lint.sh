#!/usr/bin/env bash
# Checks the page scripts (toolkit-content/js) and the browser tests with the Prettier and ESLint
# pinned in tests/browser/package-lock.json: formatting at 100 columns, then ESLint's recommended
# rules. Exits non-zero on any report. To reformat: the same Prettier command with --write.
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=tests/browser/node_modules/.bin
files=(toolkit-content/js/*.js tests/browser/*.mjs tests/browser/support/*.mjs)
"$bin/prettier" --config tests/browser/prettier.config.mjs --check "${files[@]}"
"$bin/eslint" --config tests/browser/eslint.config.mjs --max-warnings 0 "${files[@]}"
