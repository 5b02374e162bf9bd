// hearsay's real output on every dev article, checked by real RDF tools: it parses strictly,
// conforms to ontology/shapes.ttl as one merged store, passes the integrity queries, is
// grounded in the article texts (anchors, hashes, claim spans), uses only terms the ontology
// defines, gives the same statements from one JSONL batch as N-Quads (one graph per article),
// and answers every example query consistently.
//   node dev_output_test.mjs --hearsay build/hearsay --corpus ../shared/corpus/dev
// Exit status 77 (skipped) when the corpus is not there.
import fs from 'node:fs';
import path from 'node:path';

import oxigraph from 'oxigraph';

import {
  Checks, describeResult, devArticles, groundingProblems, hsTermsUsed, integrityProblems,
  ONTOLOGY_FILE, option, parseTurtle, runExample, runHearsay, runHearsayBatch, select, sha256Hex,
  sparqlStore, storeWithOntology, validate,
} from './lib.mjs';

const binary = option('--hearsay');
const corpus = option('--corpus');
if (!corpus || !fs.existsSync(corpus)) {
  console.log(`dev corpus not found (${corpus}): skipped`);
  process.exit(77);
}

const checks = new Checks('dev output');
const articles = devArticles(corpus);
const outputs = [];
const texts = new Map();
const union = parseTurtle('');
for (const article of articles) {
  try {
    const turtle = runHearsay(binary, article);
    union.addQuads(parseTurtle(turtle).getQuads());
    outputs.push(turtle);
  } catch (error) {
    checks.ok(false, `${article.name}: hearsay runs and writes Turtle`,
      [String(error.stderr || error.message)]);
    continue;
  }
  const text = fs.readFileSync(article.txt, 'utf8');
  texts.set(sha256Hex(text), text);
}
checks.ok(outputs.length === articles.length,
  `hearsay writes strict Turtle for all ${articles.length} articles (${outputs.length})`);

// --- the merged store ------------------------------------------------------------------------

// Validating the union checks each article's own nodes (documents, mentions, claims) as well as
// the nodes that articles share (events, entities, times, outlets) after the merge.
const results = await validate(union);
checks.ok(results.length === 0, `the union of the ${outputs.length} outputs conforms to the shapes`,
  results.map(describeResult));

const store = storeWithOntology(outputs);
const size = sparqlStore(outputs).size;
checks.ok(sparqlStore([...outputs, ...outputs]).size === size,
  `loading every output twice adds nothing (${size} triples)`);
const problems = integrityProblems(store);
checks.ok(problems.length === 0, 'every integrity query holds', problems);
const grounding = groundingProblems(store, texts);
checks.ok(grounding.length === 0,
  `each of the ${texts.size} articles is found by its text hash, and every anchor is its text`,
  grounding);

const ontologyTerms = new Set(select(sparqlStore([fs.readFileSync(ONTOLOGY_FILE, 'utf8')]), `
  SELECT ?term WHERE {
    ?term <http://www.w3.org/2000/01/rdf-schema#isDefinedBy> <https://w3id.org/hearsay/ns>
  }`).map((r) => r.term));
const usedTerms = hsTermsUsed(outputs.join('\n'));
checks.ok([...usedTerms].every((t) => ontologyTerms.has(t)),
  `the ${usedTerms.size} hs: terms of the output are defined in the ontology`,
  [...usedTerms].filter((t) => !ontologyTerms.has(t)));

// --- --text: the article text in the graph, and every anchor read from it ----------------------

const withText = runHearsay(binary, articles[0], ['--text']);
const textResults = await validate(parseTurtle(withText));
checks.ok(textResults.length === 0, `${articles[0].name} with --text conforms to the shapes`,
  textResults.map(describeResult));
const textStore = sparqlStore([withText]);
const offAnchors = select(textStore, `
  PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
  SELECT ?m WHERE {
    ?m nif:referenceContext ?d ; nif:beginIndex ?b ; nif:endIndex ?e ; nif:anchorOf ?a .
    ?d nif:isString ?text .
    FILTER (REPLACE(SUBSTR(?text, ?b + 1, ?e - ?b), "[\\n\\r\\t]", " ") != STR(?a))
  }`).map((r) => r.m);
const anchors = select(textStore, `
  SELECT (COUNT(?m) AS ?n) WHERE {
    ?m <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#anchorOf> ?a }`)[0].n;
checks.ok(offAnchors.length === 0 && Number(anchors) > 0,
  `--text: each of the ${anchors} anchors is the text between its offsets in nif:isString`,
  offAnchors);

// --- a batch: JSONL in, N-Quads out, one named graph per article --------------------------------

const quads = new oxigraph.Store();
quads.load(runHearsayBatch(binary, articles), { format: 'application/n-quads' });
const graphs = select(quads, 'SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }').map((r) => r.g);
const documents = select(store, 'SELECT ?d WHERE { ?d a <http://schema.org/NewsArticle> }')
  .map((r) => r.d);
checks.sameSet(graphs, documents, 'N-Quads: one named graph per article, named by the article IRI');
const statements = (s, pattern) => s.query(`CONSTRUCT { ?s ?p ?o } WHERE { ${pattern} }`)
  .map((q) => `${q.subject} ${q.predicate} ${q.object}`);
checks.sameSet(statements(quads, 'GRAPH ?g { ?s ?p ?o }'), statements(store, '?s ?p ?o'),
  `N-Quads: the batch gives the same ${size} statements as the articles one by one`);

// --- the example queries on the merged store -------------------------------------------------

const run = (name) => runExample(store, name);
const count = (query) => Number(select(store, query)[0].n);
const claims = count('SELECT (COUNT(*) AS ?n) WHERE { ?c a <http://schema.org/Claim> }');

const provenance = run('claim-provenance');
checks.ok(provenance.length === claims,
  `claim-provenance: one row per claim (${provenance.length} of ${claims})`);
const byHash = new Map([...texts].map(([sha, text]) => [sha, [...text]]));
const misplaced = provenance.filter((r) =>
  byHash.get(r.sha256)?.slice(Number(r.begin), Number(r.end)).join('') !== r.text);
checks.ok(misplaced.length === 0,
  'claim-provenance: each claim text is the article text at its span',
  misplaced.map((r) => `${r.claim} ${r.begin},${r.end}: ${JSON.stringify(r.text)}`));

const said = run('who-said-what');
checks.ok(new Set(said.map((r) => r.text)).size === new Set(provenance.map((r) => r.text)).size,
  `who-said-what: every claim has a row (${said.length} rows)`);

const chains = run('relay-chain');
const publishedBy = chains.filter((r) => r.role === 'published by');
const publishers = new Map(articles.map((a) => [a.gold.meta.publisher, true]));
checks.ok(publishedBy.length === claims && publishedBy.every((r) => publishers.has(r.who)),
  'relay-chain: each claim starts at the publisher the article was given');
checks.ok(chains.filter((r) => r.role === 'said by').length === claims,
  'relay-chain: each claim ends at its source');

const byPerson = run('claims-by-person');
checks.ok(byPerson.every((r, i) => i === 0 || byPerson[i - 1].date <= r.date),
  `claims-by-person: in time order (${byPerson.length} rows)`);

const meetings = run('meetings-by-month');
checks.ok(meetings.every((r) => /^[0-9]{4}-[0-9]{2}$/.test(r.month)),
  `meetings-by-month: every row has a month (${meetings.length} rows)`);

const views = run('hedged-vs-certain');
checks.ok(views.every((r) => (r.view === 'certain') === (r.certainty === 'CERTAIN')),
  `hedged-vs-certain: hedged exactly when not CERTAIN (${views.length} mentions)`);

checks.finish();
