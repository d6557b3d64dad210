#!/usr/bin/env bash
# clang-tidy (.clang-tidy) on the .cpp files changed since BASE, on the ci build's
# compile_commands.json; warnings are errors (zero allowed).
#   scripts/tidy.sh [BASE]     BASE defaults to the merge base with main (or HEAD~1)
#   KAIROS_TIDY_BUILD=build/ci the build tree to read compile commands from
set -euo pipefail
cd "$(dirname "$0")/.."
TIDY="${CLANG_TIDY:-clang-tidy}"
BUILD="${KAIROS_TIDY_BUILD:-build/ci}"
base="${1:-}"
if [[ -z "$base" ]]; then
  base="$(git merge-base HEAD main 2>/dev/null || true)"
  [[ -z "$base" || "$base" == "$(git rev-parse HEAD)" ]] && base="HEAD~1"
fi
if [[ ! -f "$BUILD/compile_commands.json" ]]; then
  echo "tidy: no $BUILD/compile_commands.json (configure the preset first)" >&2
  exit 2
fi
mapfile -t files < <(git diff --name-only --diff-filter=ACMR "$base" -- \
  'src/*.cpp' 'ui/*.cpp' 'app/*.cpp' | sort -u)
if [[ ${#files[@]} -eq 0 ]]; then
  echo "tidy: no changed .cpp files since $base"
  exit 0
fi
echo "tidy: ${#files[@]} changed files since $base"
status=0
for f in "${files[@]}"; do
  [[ -f "$f" ]] || continue
  "$TIDY" -p "$BUILD" --quiet "$f" 2>/dev/null || status=1
done
exit $status
