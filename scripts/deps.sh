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
  desktop-file-utils appstream clang-format python3-icalendar python3-dateutil python3-tz
  clang-14 libclang-rt-14-dev nodejs lintian dpkg-dev
  radicale xandikos
)

want=("${RUNTIME[@]}")
if [[ "${1:-}" == "--test" ]]; then
  want+=("${TEST[@]}")
  # npm comes with NodeSource's nodejs; Debian's nodejs needs Debian's npm package.
  if ! command -v npm >/dev/null 2>&1; then
    want+=(npm)
  fi
fi

# npm packages the tests use, from each folder's package-lock.json into its node_modules
# (never downloaded while ctest runs): chrono-node for tests/commands/tst_heldout.
install_npm_test_packages() {
  [[ "${1:-}" == "--test" ]] || return 0
  local here
  here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  local dir="$here/tests/commands/chrono"
  # npm ls fails when a locked package is missing or at another version
  if ! (cd "$dir" && npm ls --depth=0 >/dev/null 2>&1); then
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

missing=()
for p in "${want[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if ((${#missing[@]} == 0)); then
  install_npm_test_packages "${1:-}"
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
install_npm_test_packages "${1:-}"
