#!/usr/bin/env bash
# The ontology, the shapes and the test fixtures parse with the strict Turtle parsers that
# users have: serdi (strict mode) and rapper (raptor2).
set -u
top=${1:?usage: check_parsers.sh SOURCE_DIR}
status=0
for tool in serdi rapper; do
  command -v "$tool" >/dev/null || { echo "FAIL  $tool not found (scripts/install-deps.sh)"; exit 1; }
done
for file in "$top"/ontology/*.ttl "$top"/tests/rdf/fixtures/*.ttl; do
  name=${file#"$top"/}
  if ! out=$(serdi -i turtle -o ntriples "$file" 2>&1 >/dev/null) || [ -n "$out" ]; then
    echo "FAIL  serdi: $name"; echo "$out" | head -5; status=1
  elif ! out=$(rapper -q -i turtle -c "$file" 2>&1) || [ -n "$out" ]; then
    echo "FAIL  rapper: $name"; echo "$out" | head -5; status=1
  else
    echo "ok    $name"
  fi
done
exit $status
