#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with an unlocked gnome-keyring and a throw-away
# HOME, so keychain code talks to a real Secret Service and never to the developer's own.
#   scripts/with-keyring.sh ctest --test-dir build/ci -R tst_accounts
set -euo pipefail
TEST_HOME="$(mktemp -d)"
trap 'rm -rf "$TEST_HOME"' EXIT
export HOME="$TEST_HOME"
export XDG_DATA_HOME="$TEST_HOME/.local/share" XDG_CONFIG_HOME="$TEST_HOME/.config"
export XDG_RUNTIME_DIR="$TEST_HOME/run"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
unset DBUS_SESSION_BUS_ADDRESS

dbus-run-session -- bash -c '
  printf "%s" "kairos-ci" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  exec "$@"
' bash "$@"
