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

# A throw-away HOME: the login keyring and any profile data live there, never in the real one.
TEST_HOME="$(mktemp -d)"
trap 'rm -rf "$TEST_HOME"' EXIT
export HOME="$TEST_HOME"
export XDG_DATA_HOME="$TEST_HOME/.local/share" XDG_CONFIG_HOME="$TEST_HOME/.config"
export XDG_RUNTIME_DIR="$TEST_HOME/run"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
unset DBUS_SESSION_BUS_ADDRESS

exec dbus-run-session -- bash -c '
  printf "%s" "kairos-ci" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  ctest --preset "$0" --timeout 300 "${@}"
' "$PRESET" "$@"
