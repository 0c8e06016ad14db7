#!/usr/bin/env bash
# clang-tidy with warnings as errors (.clang-tidy) over the production sources of the given folders,
# using a build tree's compile_commands.json. Usage: tidy.sh BUILD_DIR FOLDER...
set -euo pipefail
cd "$(dirname "$0")/../.."
build=$1; shift
[ -f "$build/compile_commands.json" ] || { echo "error: $build/compile_commands.json missing; configure first" >&2; exit 1; }
mapfile -t files < <(git ls-files -co --exclude-standard -- "${@/%//*.cpp}")
[ ${#files[@]} -gt 0 ] || exit 0
printf '%s\n' "${files[@]}" | xargs -P "$(nproc)" -n 4 clang-tidy -p "$build" --quiet 2>/dev/null
echo "clang-tidy: ${#files[@]} files clean"
