#!/usr/bin/env bash
# Builds pipeline_fuzzer with clang (libFuzzer, AddressSanitizer, UndefinedBehaviorSanitizer)
# in build-fuzz/ (or $HEARSAY_FUZZ_BUILD) and runs it for a bounded time over the seeds in
# fuzz/corpus; a finding fails the run (ctest fuzz_pipeline runs it for 45 s).
#   fuzz/run.sh [SECONDS (default 60)] [more libFuzzer flags]
# New inputs go to BUILD/corpus, findings to BUILD/findings/ (crash-*, timeout-*);
# replay one with: build-fuzz/pipeline_fuzzer build-fuzz/findings/crash-...
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
build=${HEARSAY_FUZZ_BUILD:-build-fuzz}
if ! command -v clang++ > /dev/null; then
  echo "fuzz/run.sh: needs clang++ and libFuzzer (apt-get install clang libclang-rt-dev)" >&2
  exit 2
fi
CC=clang CXX=clang++ cmake -S . -B "$build" -DHEARSAY_FUZZ=ON -DHEARSAY_TESTS=OFF \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo > /dev/null
cmake --build "$build" -j2 --target pipeline_fuzzer
mkdir -p "$build"/corpus "$build"/findings
exec "$build"/pipeline_fuzzer -max_total_time="$seconds" -timeout=10 -max_len=65536 \
  -rss_limit_mb=4096 -dict=fuzz/pipeline.dict -artifact_prefix="$build/findings/" \
  -print_final_stats=1 "$@" "$build"/corpus fuzz/corpus
