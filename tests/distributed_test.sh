#!/usr/bin/env bash
# The Dask map step (scripts/distributed.py) on a local cluster of two worker processes writes
# N-Quads shards whose sorted union is exactly a single-process run's sorted output.
#   tests/distributed_test.sh HEARSAY_BINARY SOURCE_DIR
set -euo pipefail
hearsay=$1
source_dir=$2
python=/usr/bin/python3  # Debian's python3-distributed lives there
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if ! "$python" -c 'import distributed' 2>/dev/null; then
  echo "FAIL: python3-distributed is missing (run scripts/install-deps.sh)"
  exit 1
fi

# Articles: the repository's example, the shared corpus when it is beside the checkout, each
# twice under different URLs; and one malformed record, which both runs must skip alike.
texts=("$source_dir"/examples/*.txt)
shared="$source_dir/../shared/corpus"
[ -d "$shared" ] && texts+=("$shared"/dev/*.txt)
"$python" - "$work/input.jsonl" "${texts[@]}" <<'PY'
import json, sys
out, paths = sys.argv[1], sys.argv[2:]
with open(out, "w", encoding="utf-8") as jsonl:
    for copy in range(2):
        for number, path in enumerate(paths):
            text = open(path, encoding="utf-8").read()
            jsonl.write(json.dumps({"url": f"https://example.org/{copy}/{number}",
                                    "date": "2019-09-12", "publisher": "Test Wire",
                                    "text": text}) + "\n")
        jsonl.write('{"url": "https://example.org/broken", "text": \n')
PY

status=0
"$hearsay" extract -q -j 1 -f nquads -o "$work/single.nq" "$work/input.jsonl" \
  2>"$work/single.err" || status=$?
if [ "$status" -gt 1 ]; then
  echo "FAIL: single run exited $status"; cat "$work/single.err"; exit 1
fi

status=0
timeout 300 "$python" "$source_dir/scripts/distributed.py" --local-workers 2 --shard-size 1K \
  --hearsay "$hearsay" --out "$work/shards" "$work/input.jsonl" 2>"$work/dask.err" || status=$?
if [ "$status" -gt 1 ]; then
  echo "FAIL: distributed run exited $status"; tail -20 "$work/dask.err"; exit 1
fi

shards=$(ls "$work"/shards/part-*.nq | wc -l)
passes=0
failures=0
check() {
  if eval "$2"; then
    echo "ok: $1"; passes=$((passes + 1))
  else
    echo "FAIL: $1"; failures=$((failures + 1))
  fi
}
check "input cut into several shards ($shards)" '[ "$shards" -ge 3 ]'
check "single run wrote statements" '[ -s "$work/single.nq" ]'
check "the bad record is reported in both runs" \
  'grep -q "malformed JSON" "$work/single.err" && grep -q "malformed JSON" "$work/dask.err"'
sort -u "$work/single.nq" >"$work/single.sorted"
sort -u "$work"/shards/part-*.nq >"$work/merged.sorted"
check "sort -u of the shards equals the single run ($(wc -l <"$work/single.sorted") statements)" \
  'cmp -s "$work/single.sorted" "$work/merged.sorted"'
echo "$passes passed, $failures failed"
[ "$failures" -eq 0 ]
