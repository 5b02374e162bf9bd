#!/usr/bin/env bash
# Command-line checks: every output parsed back strictly (serdi, rapper), bad inputs rejected
# with a clear message while good ones in the same run are processed, byte-identical output
# across runs and thread counts, exit statuses. Usage: cli_checks.sh HEARSAY_BINARY SOURCE_DIR
set -u
hearsay=$1
source_dir=$2
shared=$(cd "$source_dir/../shared" 2>/dev/null && pwd || true)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0

pass() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }
check() { local name=$1; shift; if "$@"; then pass; else fail "$name"; fi; }

# Strict parse of a file in the given serd syntax; rapper too for Turtle and N-Triples.
valid_rdf() {
  local file=$1 syntax=$2
  serdi -i "$syntax" -o ntriples "$file" > /dev/null 2> "$work/serdi.err" || {
    cat "$work/serdi.err"; return 1; }
  case $syntax in
    turtle) rapper -q -i turtle -c "$file" 2> /dev/null ;;
    ntriples) rapper -q -i ntriples -c "$file" 2> /dev/null ;;
    nquads) rapper -q -i nquads -c "$file" 2> /dev/null ;;
  esac
}

example=$source_dir/examples/moscow-times-2013-10-03-obama-putin-apec.txt
meta=(--date 2013-10-03 --publisher "The Moscow Times")

# --- the example in every format, parsed back -------------------------------------------
for format in turtle ntriples nquads; do
  "$hearsay" extract -q "${meta[@]}" -f "$format" "$example" > "$work/example.$format"
  check "example exits 0 ($format)" test $? -eq 0
  check "example parses strictly ($format)" valid_rdf "$work/example.$format" "$format"
done
check "example yields claims" grep -q "schema:Claim" "$work/example.turtle"
check "example yields events" grep -q "sem:Event" "$work/example.turtle"
check "example yields times" grep -q "hs:timex3" "$work/example.turtle"
check "N-Quads name one graph per article" \
  test "$(awk '{print $(NF-1)}' "$work/example.nquads" | sort -u | wc -l)" -eq 1

check "example equals the golden Turtle (tests/update-golden.sh rewrites it)" \
  cmp -s "$work/example.turtle" "$source_dir/tests/golden/moscow-times.ttl"

# --- determinism: same bytes across runs and thread counts ------------------------------
"$hearsay" extract -q "${meta[@]}" "$example" > "$work/again.turtle"
check "two runs are byte-identical" cmp -s "$work/example.turtle" "$work/again.turtle"
batch=("$source_dir/examples")
[ -n "$shared" ] && batch+=("$shared/corpus/dev")
"$hearsay" extract -q -j 1 -f nquads "${batch[@]}" > "$work/j1.nq" 2> /dev/null
"$hearsay" extract -q -j 2 -f nquads "${batch[@]}" > "$work/j2.nq" 2> /dev/null
check "-j 1 and -j 2 give the same bytes" cmp -s "$work/j1.nq" "$work/j2.nq"
"$hearsay" extract -q -j2 --format=nquads "${batch[@]}" > "$work/j2-attached.nq" 2> /dev/null
check "GNU option forms (-j2, --format=nquads)" cmp -s "$work/j1.nq" "$work/j2-attached.nq"
check "batch N-Quads parse strictly" valid_rdf "$work/j2.nq" nquads

"$hearsay" extract -q --merge "${batch[@]}" > "$work/merged.ttl" 2> /dev/null
check "--merge Turtle parses strictly" valid_rdf "$work/merged.ttl" turtle
serdi -i turtle -o ntriples "$work/merged.ttl" | sort -u > "$work/merged.sorted"
# Both through serdi, so literals are escaped the same way.
"$hearsay" extract -q -f ntriples "${batch[@]}" 2> /dev/null \
  | serdi -i ntriples -o ntriples - | sort -u > "$work/stream.sorted"
check "--merge holds exactly the union of the streamed statements" \
  cmp -s "$work/merged.sorted" "$work/stream.sorted"

# JSON-LD: the same graph as N-Triples, read back by rdflib's JSON-LD parser.
"$hearsay" extract -q -f jsonld "${batch[@]}" > "$work/batch.jsonld" 2> /dev/null
"$hearsay" extract -q -f ntriples "${batch[@]}" > "$work/batch.nt" 2> /dev/null
same_graph() {
  /usr/bin/python3 - "$@" <<'PY'
import sys
import rdflib
from rdflib.compare import isomorphic
a = rdflib.Graph().parse(sys.argv[1], format="json-ld")
b = rdflib.Graph().parse(sys.argv[2], format="nt")
sys.exit(0 if len(a) > 0 and isomorphic(a, b) else 1)
PY
}
check "JSON-LD holds the same graph as N-Triples" same_graph "$work/batch.jsonld" "$work/batch.nt"

# --- every dev-corpus article parses strictly in each format ----------------------------
if [ -n "$shared" ]; then
  for txt in "$shared"/corpus/dev/*.txt; do
    name=$(basename "$txt" .txt)
    date=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["meta"]["date"])' \
      "${txt%.txt}.gold.json")
    for format in turtle ntriples; do
      "$hearsay" extract -q --date "$date" --publisher Wikinews -f "$format" "$txt" \
        > "$work/$name.$format"
      check "$name parses ($format)" valid_rdf "$work/$name.$format" "$format"
    done
  done
fi

# --- --text: the article text in the graph, exactly as read -----------------------------
printf 'Talks ended.\n\nHe said: "We will meet ""' > "$work/quoted.txt"
text_is_stated() {
  /usr/bin/python3 - "$@" <<'PY'
import sys
import rdflib
graph = rdflib.Graph().parse(sys.argv[1], format=sys.argv[2])
texts = [str(o) for o in graph.objects(None, rdflib.URIRef(
    "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#isString"))]
sys.exit(0 if texts == [open(sys.argv[3], encoding="utf-8").read()] else 1)
PY
}
for format in turtle ntriples; do
  "$hearsay" extract -q --text --date 2019-01-07 -f "$format" "$work/quoted.txt" \
    > "$work/quoted.$format"
  check "--text parses ($format)" valid_rdf "$work/quoted.$format" "$format"
  check "--text states the exact text ($format)" \
    text_is_stated "$work/quoted.$format" "$([ $format = turtle ] && echo turtle || echo nt)" \
    "$work/quoted.txt"
done
"$hearsay" extract -q --text --merge --date 2019-01-07 "$work/quoted.txt" > "$work/quoted-merged.turtle"
check "--text --merge parses" valid_rdf "$work/quoted-merged.turtle" turtle
check "--text --merge states the exact text" \
  text_is_stated "$work/quoted-merged.turtle" turtle "$work/quoted.txt"

# --- standard input and directories ------------------------------------------------------
"$hearsay" extract -q "${meta[@]}" - < "$example" > "$work/stdin.turtle"
check "standard input gives the same graph" cmp -s "$work/stdin.turtle" "$work/example.turtle"

# --- bad inputs: a clear message naming the file, the rest still processed ---------------
for bad in "$source_dir"/tests/bad/*.txt; do
  "$hearsay" extract -q --date 2019-01-07 "$bad" "$example" > "$work/bad.ttl" 2> "$work/bad.err"
  status=$?
  check "$(basename "$bad") exits 1" test $status -eq 1
  check "$(basename "$bad") is named in the message" grep -q "$(basename "$bad"): .*error" "$work/bad.err"
  check "$(basename "$bad") leaves valid RDF" valid_rdf "$work/bad.ttl" turtle
  check "$(basename "$bad") does not stop the good article" grep -q "schema:NewsArticle" "$work/bad.ttl"
done
"$hearsay" extract -q -f ntriples "$source_dir/tests/bad/mixed.jsonl" > "$work/mixed.nt" 2> "$work/mixed.err"
check "mixed.jsonl exits 1" test $? -eq 1
check "mixed.jsonl: good records extracted" \
  test "$(grep -c '<http://schema.org/NewsArticle>' "$work/mixed.nt")" -eq 2
check "mixed.jsonl: four bad records reported with line numbers" \
  test "$(grep -c 'mixed.jsonl:[0-9]*: .*error' "$work/mixed.err")" -eq 4
check "mixed.jsonl: output valid" valid_rdf "$work/mixed.nt" ntriples
"$hearsay" extract -f ntriples "$source_dir/tests/bad/mixed.jsonl" "$example" \
  2> "$work/summary.err" > /dev/null
check "summary: failures counted by reason" grep -q "^hearsay:   1 failed: record's date$" \
  "$work/summary.err"
check "summary: warnings counted by reason" \
  grep -q "^hearsay:   1 warned: no publication date$" "$work/summary.err"
"$hearsay" extract -q -f ntriples --stdin jsonl - < "$source_dir/tests/bad/mixed.jsonl" \
  > "$work/mixed-stdin.nt" 2> "$work/mixed-stdin.err"
check "--stdin jsonl: the same statements as the file" cmp -s "$work/mixed.nt" "$work/mixed-stdin.nt"
check "--stdin jsonl: bad records named <stdin>:LINE" \
  test "$(grep -c '^<stdin>:[0-9]*: .*error' "$work/mixed-stdin.err")" -eq 4
"$hearsay" extract -q -f ntriples "$source_dir/tests/bad/deep.jsonl" "$source_dir/tests/bad/escapes.jsonl" \
  > "$work/json.nt" 2> "$work/json.err"
check "deep nesting rejected" grep -q "deep.jsonl:1: .*nested too deeply" "$work/json.err"
check "unpaired surrogate rejected" grep -q "escapes.jsonl:2: .*surrogate" "$work/json.err"
check "escaped record extracted" grep -q 'example.org/f' "$work/json.nt"

# A 10 MB article on one line: generated here, not committed.
# Prose of the usual kinds, one claim every few sentences, with no line break anywhere.
python3 -c '
import sys
sentences = [
    "The delegations spent the morning on procedural questions and the afternoon on trade. ",
    "Observers noted that the tone of the discussions had improved since the spring. ",
    "The minister said on Monday that the talks in Geneva would resume next week. ",
    "Several agreements on customs and energy were prepared by the working groups. ",
    "Prices of grain and fuel have risen sharply in the region over the past year. ",
    "Local newspapers described the mood in the capital as cautious but hopeful. ",
    "\"We are not there yet,\" a senior official told reporters after the session. ",
    "Farmers in the north have complained about delays at the border crossings. ",
]
text = "".join(sentences)
sys.stdout.write(text * (10_000_000 // len(text)))' > "$work/huge.txt"
"$hearsay" extract -q --date 2019-01-07 -f ntriples "$work/huge.txt" > "$work/huge.nt" 2> "$work/huge.err"
check "10 MB single-line article is extracted" test $? -eq 0
check "10 MB output is valid" valid_rdf "$work/huge.nt" ntriples
"$hearsay" extract -q --date 2019-01-07 --max-bytes 1000000 "$work/huge.txt" "$example" \
  > "$work/cap.ttl" 2> "$work/cap.err"
check "an article over --max-bytes is rejected by name" grep -q "huge.txt: .*over the limit" "$work/cap.err"
check "... and the next article still processed" grep -q "schema:NewsArticle" "$work/cap.ttl"
python3 -c 'import sys; sys.stdout.write("{\"text\": \"" + "a" * 2_000_000 + "\"}\n{\"text\": \"The minister said it.\"}\n")' > "$work/long.jsonl"
"$hearsay" extract -q --max-bytes 1000000 -f ntriples "$work/long.jsonl" > "$work/long.nt" 2> "$work/long.err"
check "an over-long JSONL line is rejected with its line number" grep -q "long.jsonl:1: .*over the limit" "$work/long.err"
check "... and the next line still processed" grep -q "NewsArticle" "$work/long.nt"

# --- two articles about one meeting give one event node -----------------------------------
"$hearsay" extract -q --date 2019-01-09 --publisher "Example Wire" -f ntriples \
  "$source_dir/tests/merge/wire-putin-merkel.txt" > "$work/wire.nt"
"$hearsay" extract -q --date 2019-01-08 --publisher "Example Daily" -f ntriples \
  "$source_dir/tests/merge/daily-merkel-putin.txt" > "$work/daily.nt"
meetings() { grep -o '^<[^>]*event/[^>]*> <[^>]*#type> <[^>]*#Meeting>' "$1" | cut -d' ' -f1 | sort -u; }
check "each article has one meeting" test "$(meetings "$work/wire.nt" | wc -l)" -eq 1 -a \
  "$(meetings "$work/daily.nt" | wc -l)" -eq 1
check "the two articles' meetings are one node" \
  test "$(meetings "$work/wire.nt")" = "$(meetings "$work/daily.nt")"
meeting=$(meetings "$work/wire.nt")
check "the merged node is denoted by mentions of both articles" test "$(cat "$work/wire.nt" \
  "$work/daily.nt" | sort -u | grep "^$meeting <http://groundedannotationframework.org/gaf#denotedBy>" \
  | grep -o '/doc/[a-z0-9]*#' | sort -u | wc -l)" -eq 2

# --- usage errors ------------------------------------------------------------------------
"$hearsay" extract --date 2019-02-30 "$example" > /dev/null 2>&1
check "impossible --date is a usage error" test $? -eq 2
"$hearsay" extract -f rdfxml "$example" > /dev/null 2>&1
check "unknown format is a usage error" test $? -eq 2
"$hearsay" extract --merge=yes "$example" > /dev/null 2>&1
check "a value on a flag is a usage error" test $? -eq 2
"$hearsay" extract "$work/missing.txt" > "$work/missing.ttl" 2> "$work/missing.err"
check "missing file exits 1" test $? -eq 1
check "missing file named" grep -q "missing.txt: error: no such file" "$work/missing.err"
"$hearsay" --help | grep -q "hearsay extract" ; check "--help teaches the command" test $? -eq 0

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
