#!/usr/bin/env bash
# Installs what is missing, builds with the ci preset (warnings are errors) and runs every test
# inside a private D-Bus session with an unlocked gnome-keyring, so keychain tests talk to a real
# Secret Service. Extra arguments go to ctest (e.g. -R tst_store).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh --test
PRESET="${KAIROS_PRESET:-ci}"
cmake --preset "$PRESET"
cmake --build --preset "$PRESET" -j"$(nproc)"

exec scripts/with-keyring.sh ctest --preset "$PRESET" --timeout 300 "$@"
