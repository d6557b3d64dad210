#!/bin/sh
# Builds the room protocol fuzzer with clang and runs it for a bounded time (default 60 s).
#   scripts/fuzz_room.sh [SECONDS]
set -eu
SECONDS_TO_RUN=${1:-60}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${KAIROS_FUZZ_BUILD:-$ROOT/build/fuzz}
cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DCMAKE_CXX_COMPILER=clang++ -DKAIROS_FUZZ=ON -DKAIROS_BUILD_GUI=OFF \
      -DKAIROS_BUILD_BENCHMARKS=OFF >/dev/null
cmake --build "$BUILD" --target fuzz_room_protocol -j2
CORPUS=$(mktemp -d)
cp "$ROOT"/tests/fuzz/corpus/room_protocol/* "$CORPUS"/
"$BUILD"/tests/fuzz/fuzz_room_protocol -max_total_time="$SECONDS_TO_RUN" -max_len=70000 \
    -timeout=10 -rss_limit_mb=2048 "$CORPUS"
rm -rf "$CORPUS"
