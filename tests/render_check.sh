#!/usr/bin/env bash
# The annotated-article view, read back from a real browser's DOM: the time expressions and
# claims highlighted in the page Chromium builds are exactly those of the RDF output.
# Usage: render_check.sh HEARSAY_BINARY SOURCE_DIR
set -u
hearsay=$1
source_dir=$2
chromium=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$chromium" ]; then
  echo "chromium is not installed (scripts/install-deps.sh installs it)"
  exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
example=$source_dir/examples/moscow-times-2013-10-03-obama-putin-apec.txt
meta=(--date 2013-10-03 --publisher "The Moscow Times")

"$hearsay" render -q "${meta[@]}" -o "$work" "$example" || exit 1
page=$work/moscow-times-2013-10-03-obama-putin-apec.html
[ -s "$page" ] || { echo "no page written"; exit 1; }
"$hearsay" extract -q "${meta[@]}" -f ntriples "$example" > "$work/out.nt" || exit 1

timeout 60 "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$work/profile" --dump-dom "file://$page" > "$work/dom.html" 2> "$work/chromium.err"
[ -s "$work/dom.html" ] || { echo "chromium produced no DOM"; cat "$work/chromium.err"; exit 1; }

/usr/bin/python3 - "$work/dom.html" "$work/out.nt" <<'PY'
import collections
import html.parser
import sys

import rdflib

class Highlights(html.parser.HTMLParser):
    """Text of each highlight (data-id), joining the parts a crossing highlight split."""

    def __init__(self):
        super().__init__()
        self.stack = []
        self.text = collections.defaultdict(str)
        self.kind = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.stack.append(attrs.get("data-id") if tag == "span" else None)
        if attrs.get("data-id"):
            self.kind[attrs["data-id"]] = attrs.get("data-kind")

    def handle_endtag(self, tag):
        if self.stack:
            self.stack.pop()

    def handle_data(self, data):
        for ident in self.stack:
            if ident:
                self.text[ident] += data

dom = Highlights()
dom.feed(open(sys.argv[1], encoding="utf-8").read())
def texts(kind):
    return sorted(t for i, t in dom.text.items() if dom.kind.get(i) == kind)

g = rdflib.Graph().parse(sys.argv[2], format="nt")
HS = rdflib.Namespace("https://w3id.org/hearsay/ns#")
GAF = rdflib.Namespace("http://groundedannotationframework.org/gaf#")
NIF = rdflib.Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
SCHEMA = rdflib.Namespace("http://schema.org/")
rdf_times = sorted(str(g.value(m, NIF.anchorOf)) for t in g.subjects(HS.timex3, None)
                   for m in g.objects(t, GAF.denotedBy))
rdf_claims = sorted(str(o) for o in g.objects(None, SCHEMA.text))
failures = 0
for name, seen, expected in (("time expressions", texts("timex"), rdf_times),
                             ("claims", texts("claim"), rdf_claims)):
    if not expected or seen != expected:
        failures += 1
        print(f"FAIL: {name} in the DOM {seen} != in the RDF {expected}")
    else:
        print(f"ok: {len(seen)} {name} highlighted as in the RDF")
sys.exit(1 if failures else 0)
PY
