// Shared helpers of the RDF consumer tests: parsing, SHACL validation, SPARQL on Oxigraph,
// running hearsay on the dev corpus, and a small check/report harness.
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { Parser, Store as N3Store } from 'n3';
import oxigraph from 'oxigraph';
import SHACLValidator from 'rdf-validate-shacl';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const SOURCE_DIR = path.resolve(HERE, '..', '..');
export const SHAPES_FILE = path.join(SOURCE_DIR, 'ontology', 'shapes.ttl');
export const ONTOLOGY_FILE = path.join(SOURCE_DIR, 'ontology', 'hearsay.ttl');
export const QUERIES_DIR = path.join(SOURCE_DIR, 'examples', 'queries');
export const INTEGRITY_DIR = path.join(HERE, 'integrity');
export const FIXTURES_DIR = path.join(HERE, 'fixtures');

export const PREFIXES = {
  hs: 'https://w3id.org/hearsay/ns#',
  doc: 'https://w3id.org/hearsay/doc/',
  claim: 'https://w3id.org/hearsay/claim/',
  event: 'https://w3id.org/hearsay/event/',
  entity: 'https://w3id.org/hearsay/entity/',
  source: 'https://w3id.org/hearsay/source/',
  when: 'https://w3id.org/hearsay/when/',
  cameo: 'https://w3id.org/hearsay/cameo/',
  att: 'https://w3id.org/hearsay/attribution/',
  sh: 'http://www.w3.org/ns/shacl#',
  owl: 'http://www.w3.org/2002/07/owl#',
};

// Turtle text -> N3 store (strict Turtle; throws with the parser's line on a syntax error).
export function parseTurtle(text, baseIRI) {
  const store = new N3Store();
  store.addQuads(new Parser({ format: 'text/turtle', baseIRI }).parse(text));
  return store;
}

// The value after a command-line option ("--corpus DIR"), or null.
export function option(name) {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] ?? null : null;
}

export function readFixture(name) {
  return fs.readFileSync(path.join(FIXTURES_DIR, name), 'utf8');
}

// The "# expect: A B" lines of a broken fixture, as "A B" strings.
export function expectations(text) {
  return [...text.matchAll(/^# expect: (\S+) (\S+)$/gm)].map((m) => `${m[1]} ${m[2]}`);
}

// The hs: terms a Turtle or SPARQL text uses, as "hs:Name".
export function hsTermsUsed(text) {
  return new Set([...text.matchAll(/\bhs:([A-Za-z][A-Za-z0-9]*)/g)].map((m) => `hs:${m[1]}`));
}

export function readTurtle(file) {
  return parseTurtle(fs.readFileSync(file, 'utf8'), `file://${path.resolve(file)}`);
}

// An IRI written with the first matching prefix of PREFIXES ("claim:c55b..."), or <iri>.
export function shorten(term) {
  if (term.termType === 'BlankNode') return '_:blank';
  if (term.termType !== 'NamedNode') return JSON.stringify(term.value);
  for (const [prefix, iri] of Object.entries(PREFIXES)) {
    const local = term.value.slice(iri.length);
    if (term.value.startsWith(iri) && /^[A-Za-z0-9]*$/.test(local)) return `${prefix}:${local}`;
  }
  return `<${term.value}>`;
}

let validator = null;

// SHACL validation of an N3 store against ontology/shapes.ttl. Returns the validation results
// as {focus, component, path, message} with shortened names, so tests can compare them.
export async function validate(store) {
  validator ??= new SHACLValidator(readTurtle(SHAPES_FILE));
  const report = await validator.validate(store);
  return report.results.map((result) => ({
    focus: shorten(result.focusNode),
    component: result.sourceConstraintComponent.value.replace(PREFIXES.sh, ''),
    path: result.path ? shorten(result.path) : '',
    message: result.message.map((m) => m.value).join('; '),
  }));
}

export function describeResult(r) {
  const where = r.path ? ` on ${r.path}` : '';
  return `${r.focus} ${r.component}${where}${r.message ? `: ${r.message}` : ''}`;
}

// An Oxigraph store (embedded SPARQL 1.1) holding the given Turtle texts.
export function sparqlStore(turtleTexts) {
  const store = new oxigraph.Store();
  for (const text of turtleTexts) store.load(text, { format: 'text/turtle' });
  return store;
}

// SELECT results as plain rows {var: value} (IRIs shortened, literals as their lexical form).
export function select(store, query) {
  return store.query(query).map((binding) => {
    const row = {};
    for (const [name, term] of binding) {
      row[name] = term.termType === 'Literal' ? term.value : shorten(term);
    }
    return row;
  });
}

export function readQuery(file) {
  return fs.readFileSync(file, 'utf8');
}

// The rows of examples/queries/NAME.rq on a store.
export function runExample(store, name) {
  return select(store, readQuery(path.join(QUERIES_DIR, `${name}.rq`)));
}

// The dev corpus: [{name, txt, gold}] for every NAME.gold.json with its NAME.txt.
export function devArticles(corpusDir) {
  return fs
    .readdirSync(corpusDir)
    .filter((f) => f.endsWith('.gold.json'))
    .sort()
    .map((f) => {
      const name = f.replace(/\.gold\.json$/, '');
      return {
        name,
        txt: path.join(corpusDir, `${name}.txt`),
        gold: JSON.parse(fs.readFileSync(path.join(corpusDir, f), 'utf8')),
      };
    });
}

function extract(binary, args) {
  return execFileSync(binary, ['extract', ...args], {
    encoding: 'utf8', maxBuffer: 64 << 20, timeout: 20000, stdio: ['ignore', 'pipe', 'pipe'],
  });
}

// hearsay's Turtle for one dev article, called as the scorer calls it.
export function runHearsay(binary, article, extraArgs = []) {
  const meta = article.gold.meta;
  const args = [...extraArgs, '--date', meta.date, '--publisher', meta.publisher];
  if (meta.url) args.push('--url', meta.url);
  if (meta.title) args.push('--title', meta.title);
  return extract(binary, [...args, article.txt]);
}

// hearsay's N-Quads for all the articles in one batch: a JSONL file of news-crawl records.
export function runHearsayBatch(binary, articles) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearsay-rdf-'));
  try {
    const jsonl = path.join(dir, 'articles.jsonl');
    fs.writeFileSync(jsonl, articles.map((a) => JSON.stringify({
      ...a.gold.meta, text: fs.readFileSync(a.txt, 'utf8'),
    })).join('\n') + '\n');
    return extract(binary, ['-q', '-f', 'nquads', jsonl]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// Minimal check harness: named checks, a summary line, exit status 1 on any failure.
export class Checks {
  constructor(title) {
    this.title = title;
    this.failures = 0;
    this.count = 0;
  }

  ok(condition, what, details = []) {
    this.count += 1;
    if (condition) {
      console.log(`ok    ${what}`);
      return;
    }
    this.failures += 1;
    console.log(`FAIL  ${what}`);
    for (const line of details) console.log(`        ${line}`);
  }

  // Compares two lists of strings as sets, printing what is missing and what is extra.
  sameSet(actual, expected, what) {
    const a = new Set(actual);
    const e = new Set(expected);
    const missing = [...e].filter((x) => !a.has(x));
    const extra = [...a].filter((x) => !e.has(x));
    this.ok(missing.length === 0 && extra.length === 0, what, [
      ...missing.map((x) => `missing: ${x}`),
      ...extra.map((x) => `unexpected: ${x}`),
    ]);
  }

  finish() {
    console.log(`${this.title}: ${this.count - this.failures}/${this.count} checks passed`);
    process.exitCode = this.failures ? 1 : 0;
  }
}

// The output graph in the default graph and the ontology in the named graph
// <https://w3id.org/hearsay/ns> (the integrity queries read class axioms from there).
export function storeWithOntology(turtleTexts) {
  const store = sparqlStore(turtleTexts);
  store.load(fs.readFileSync(ONTOLOGY_FILE, 'utf8'), {
    format: 'text/turtle',
    to_graph_name: oxigraph.namedNode('https://w3id.org/hearsay/ns'),
  });
  return store;
}

export function integrityQueries() {
  return fs
    .readdirSync(INTEGRITY_DIR)
    .filter((f) => f.endsWith('.rq'))
    .sort()
    .map((f) => ({ name: f.replace(/\.rq$/, ''), text: readQuery(path.join(INTEGRITY_DIR, f)) }));
}

// Runs every integrity query; returns "query node: problem" lines (empty when all hold).
export function integrityProblems(store) {
  return integrityQueries().flatMap(({ name, text }) =>
    select(store, text).map((row) => `${name} ${row.node}: ${row.problem}`));
}

// Checks the grounding of the articles whose texts are given (SHA-256 -> text): the text's
// hash is some article's hs:textSha256, and each of that article's mentions has as nif:anchorOf
// the text between its offsets, counted in code points. Returns problem lines.
export function groundingProblems(store, texts) {
  const rows = select(store, `
    PREFIX hs: <https://w3id.org/hearsay/ns#>
    PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
    SELECT ?sha ?mention ?begin ?end ?anchor WHERE {
      ?article hs:textSha256 ?sha .
      OPTIONAL { ?mention nif:referenceContext ?article ; nif:beginIndex ?begin ;
                          nif:endIndex ?end ; nif:anchorOf ?anchor . }
    }`);
  const problems = [];
  const codePoints = new Map([...texts].map(([sha, text]) => [sha, [...text]]));
  const found = new Set();
  for (const row of rows) {
    if (!codePoints.has(row.sha)) continue;
    found.add(row.sha);
    if (row.mention === undefined) continue;
    const actual = codePoints.get(row.sha).slice(Number(row.begin), Number(row.end)).join('');
    if (actual !== row.anchor) {
      problems.push(`${row.mention}: anchorOf ${JSON.stringify(row.anchor)} ` +
        `but the text says ${JSON.stringify(actual)}`);
    }
  }
  for (const sha of texts.keys()) {
    if (!found.has(sha)) problems.push(`no article has the hs:textSha256 ${sha} of a given text`);
  }
  return problems;
}

export function sha256Hex(text) {
  return crypto.createHash('sha256').update(text, 'utf8').digest('hex');
}
