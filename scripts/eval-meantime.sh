#!/usr/bin/env bash
# MEANTIME annotates time expressions only in the first six lines of each article (title,
# dateline and the first sentences; one sentence a line). Scoring whole articles counts every
# later, unannotated expression as a false positive, so this runs the scorer on the annotated
# part alone: a copy of the corpus with each text cut after its sixth line, gold unchanged.
# Usage: scripts/eval-meantime.sh [HEARSAY_BINARY] [SCORER ARGS...]
set -euo pipefail
cd "$(dirname "$0")/.."
hearsay=$(realpath "${1:-build/hearsay}")
shift || true
shared=$(cd ../shared && pwd)
corpus=$(mktemp -d)
trap 'rm -rf "$corpus"' EXIT
for gold in "$shared"/corpus/meantime/*.gold.json; do
  name=$(basename "$gold" .gold.json)
  head -n 6 "$shared/corpus/meantime/$name.txt" > "$corpus/$name.txt"
  cp "$gold" "$corpus/"
done
"$shared/eval/score.py" --gold "$corpus" \
  --cmd "$hearsay extract --date {date} --publisher {publisher} {url_opt} {txt}" "$@"
