#!/usr/bin/env bash
# Installs what is missing, builds (dev preset) and starts Kairos. Extra arguments go to the app:
#   scripts/run.sh --profile alice --lang es
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
cmake --preset dev -DKAIROS_BUILD_TESTS=OFF >/dev/null
cmake --build --preset dev --target kairos kairos-cli
exec build/dev/app/kairos "$@"
