#!/usr/bin/env bash
# Fails when any C++ file differs from what .clang-format asks for. With --fix, reformats them.
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(git ls-files '*.h' '*.cpp')
if [ "${1:-}" = "--fix" ]; then
    clang-format -i "${files[@]}"
else
    clang-format --dry-run --Werror "${files[@]}"
    echo "check-format: ${#files[@]} files formatted as .clang-format asks"
fi
