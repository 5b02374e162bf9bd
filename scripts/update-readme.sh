#!/usr/bin/env bash
# Refreshes the README's real-output blocks (the Turtle excerpt and the SPARQL answer) from the
# current build, so the README never shows output the tool no longer writes.
# Usage: scripts/update-readme.sh [HEARSAY_BINARY]
set -euo pipefail
cd "$(dirname "$0")/.."
hearsay=${1:-build/hearsay}
out=$(mktemp)
trap 'rm -f "$out" "$out.excerpt" "$out.answer"' EXIT
"$hearsay" extract -q --date 2013-10-03 --publisher "The Moscow Times" \
  examples/moscow-times-2013-10-03-obama-putin-apec.txt > "$out"
# The claim relayed by Interfax, with the nodes it points to.
/usr/bin/python3 - "$out" > "$out.excerpt" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
blocks = text.split("\n\n")
claim = next(b for b in blocks if "hs:reportedBy" in b and "schema:Claim" in b)
source = re.search(r"hs:reportedBy (source:\w+)", claim).group(1)
relay = next(b for b in blocks if b.startswith(source + "\n"))
print(claim.strip() + "\n\n" + relay.strip())
PY
node tests/rdf/sparql.mjs examples/queries/who-said-what.rq "$out" | cut -f2-4,5,7 \
  | awk -F'\t' 'BEGIN{OFS="\t"} {if (length($4) > 60) $4 = substr($4, 1, 57) "..."; print}' \
  | column -t -s $'\t' > "$out.answer"
/usr/bin/python3 - README.md "$out.excerpt" "$out.answer" <<'PY'
import re, sys
readme, excerpt, answer = (open(p, encoding="utf-8").read() for p in sys.argv[1:])
def put(text, name, body, fence):
    pattern = re.compile(r"(<!-- %s:start -->\n).*?(<!-- %s:end -->)" % (name, name), re.S)
    return pattern.sub(lambda m: m.group(1) + "```" + fence + "\n" + body.rstrip() + "\n```\n" + m.group(2), text)
readme = put(readme, "excerpt", excerpt, "turtle")
readme = put(readme, "answer", answer, "")
open(sys.argv[1], "w", encoding="utf-8").write(readme)
PY
