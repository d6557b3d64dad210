#!/bin/sh
# Builds the MCP fuzzer (tests/fuzz/fuzz_mcp_server.cpp: JSON-RPC lines and tool arguments of
# kairos-cli mcp) with clang (libFuzzer + ASan + UBSan) and runs it for a bounded time (default
# 60 s) from the seed corpus tests/fuzz/corpus/mcp_server. Crashes are written to
# $KAIROS_FUZZ_ARTIFACTS (default build/fuzz/artifacts/).
#   scripts/fuzz_mcp.sh [SECONDS]
# Needs clang and libclang-rt-14-dev (scripts/deps.sh --test).
set -eu
SECONDS_TO_RUN=${1:-60}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${KAIROS_FUZZ_BUILD:-$ROOT/build/fuzz}
LAUNCHER=""
if command -v ccache >/dev/null 2>&1; then LAUNCHER="-DCMAKE_CXX_COMPILER_LAUNCHER=ccache"; fi
cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DCMAKE_CXX_COMPILER=clang++ -DKAIROS_FUZZ=ON -DKAIROS_BUILD_GUI=OFF \
      -DKAIROS_BUILD_BENCHMARKS=OFF $LAUNCHER >/dev/null
cmake --build "$BUILD" --target fuzz_mcp_server -j2
CORPUS=$(mktemp -d)
ARTIFACTS=${KAIROS_FUZZ_ARTIFACTS:-$BUILD/artifacts}
mkdir -p "$ARTIFACTS"
cp "$ROOT"/tests/fuzz/corpus/mcp_server/* "$CORPUS"/
"$BUILD"/tests/fuzz/fuzz_mcp_server -max_total_time="$SECONDS_TO_RUN" -max_len=16384 \
    -timeout=10 -rss_limit_mb=2048 -artifact_prefix="$ARTIFACTS"/ "$CORPUS"
rm -rf "$CORPUS"
