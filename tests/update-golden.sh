#!/usr/bin/env bash
# Rewrites the golden outputs after an intended change of the extraction; review the diff
# (git diff tests/golden) before committing. Usage: tests/update-golden.sh [HEARSAY_BINARY]
set -euo pipefail
cd "$(dirname "$0")/.."
hearsay=${1:-build/hearsay}
"$hearsay" extract -q --date 2013-10-03 --publisher "The Moscow Times" \
  examples/moscow-times-2013-10-03-obama-putin-apec.txt > tests/golden/moscow-times.ttl
