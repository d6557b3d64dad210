#!/usr/bin/env bash
# Re-extracts every tr() string from ui/ and app/ into translations/*.ts (no obsolete entries,
# no line numbers, so diffs stay small). Then translate the unfinished Spanish entries, e.g. with
# Qt Linguist or scripts/fill-translations.py, until tst_translations_complete passes.
set -euo pipefail
cd "$(dirname "$0")/.."
LUPDATE="$(command -v lupdate6 || true)"
[[ -z "$LUPDATE" ]] && LUPDATE=/usr/lib/qt6/bin/lupdate
"$LUPDATE" -no-obsolete -locations none ui app -ts translations/kairos_en.ts translations/kairos_es.ts
