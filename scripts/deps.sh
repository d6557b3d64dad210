#!/usr/bin/env bash
# Installs the Debian 12 packages Kairos needs. Usage: scripts/deps.sh [--test]
#   (no flag) what building and running the desktop app needs
#   --test    also what the test suite and benchmarks need
set -euo pipefail

RUNTIME=(
  build-essential cmake ninja-build pkg-config
  qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qt6-networkauth-dev qt6-websockets-dev qt6-svg-dev qt6-qpa-plugins qt6-translations-l10n
  libqt6sql6-sqlite libsqlite3-dev qtkeychain-qt6-dev libsecret-1-0 gnome-keyring
  libical-dev libgl-dev libvulkan-dev libxkbcommon-dev
  fonts-dejavu-core
)
TEST=(
  libbenchmark-dev dbus-daemon dbus libsecret-tools xvfb xauth
  desktop-file-utils appstream clang-format python3-icalendar clang-14 libclang-rt-14-dev
)

want=("${RUNTIME[@]}")
if [[ "${1:-}" == "--test" ]]; then
  want+=("${TEST[@]}")
fi

missing=()
for p in "${want[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if ((${#missing[@]} == 0)); then
  exit 0
fi

SUDO=""
if [[ $(id -u) -ne 0 ]]; then
  SUDO="sudo"
fi
echo "Installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
