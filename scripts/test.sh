#!/usr/bin/env bash
# Installs what is missing, builds with the ci preset (warnings are errors) and runs every test
# inside a private D-Bus session with an unlocked gnome-keyring, so keychain tests talk to a real
# Secret Service. Extra arguments go to ctest (e.g. -R tst_store).
#
# KAIROS_CI_PRESETS="ci core asan" builds and tests each preset in turn (default: KAIROS_PRESET,
# else ci); the run fails if any preset fails, after all of them ran.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh --test
PRESETS="${KAIROS_CI_PRESETS:-${KAIROS_PRESET:-ci}}"
status=0
for preset in $PRESETS; do
  echo "== preset $preset"
  start=$(date +%s)
  cmake --preset "$preset"
  cmake --build --preset "$preset" -j"$(nproc)"
  scripts/with-keyring.sh ctest --preset "$preset" --timeout 300 "$@" || status=1
  echo "== preset $preset: $(( $(date +%s) - start )) s"
done
exit $status
