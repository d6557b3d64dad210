#!/usr/bin/env bash
# clang-format (the repo's .clang-format) over the C++ sources of src/ ui/ app/ tests/.
#   scripts/format.sh            check: lists the files that differ, exit 1 if any
#   scripts/format.sh --fix      rewrites them in place
#   scripts/format.sh [--fix] FILE...   only those files
# Also the `format` / `format-check` build targets and the format_check test.
set -euo pipefail
cd "$(dirname "$0")/.."
FORMAT="${CLANG_FORMAT:-clang-format}"
fix=0
if [[ "${1:-}" == "--fix" ]]; then
  fix=1
  shift
fi
if [[ $# -gt 0 ]]; then
  files=("$@")
elif git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  mapfile -t files < <(git ls-files -- 'src/*.cpp' 'src/*.h' 'ui/*.cpp' 'ui/*.h' \
    'app/*.cpp' 'app/*.h' 'tests/*.cpp' 'tests/*.h')
else
  mapfile -t files < <(find src ui app tests -name '*.cpp' -o -name '*.h' | sort)
fi
if [[ $fix -eq 1 ]]; then
  printf '%s\0' "${files[@]}" | xargs -0 -r "$FORMAT" -i
  exit 0
fi
bad=()
for f in "${files[@]}"; do
  [[ -f "$f" ]] || continue
  "$FORMAT" --dry-run -Werror "$f" >/dev/null 2>&1 || bad+=("$f")
done
if [[ ${#bad[@]} -gt 0 ]]; then
  echo "Not clang-formatted (run scripts/format.sh --fix):" >&2
  printf '  %s\n' "${bad[@]}" >&2
  exit 1
fi
echo "clang-format: ${#files[@]} files clean"
