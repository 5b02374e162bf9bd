// ontology/hearsay.ttl defines every hs: term that the output contract (DESIGN.md), the
// shapes, the fixtures and the queries use, with labels, comments, domains, ranges and
// alignments; the shapes' list of event classes is the ontology's.
import fs from 'node:fs';
import path from 'node:path';

import {
  Checks, FIXTURES_DIR, hsTermsUsed, INTEGRITY_DIR, ONTOLOGY_FILE, QUERIES_DIR, readTurtle,
  select, SHAPES_FILE, SOURCE_DIR, sparqlStore,
} from './lib.mjs';

const checks = new Checks('ontology');
const HS = 'https://w3id.org/hearsay/ns#';

let parsed = null;
try {
  parsed = readTurtle(ONTOLOGY_FILE);
} catch (error) {
  checks.ok(false, 'ontology/hearsay.ttl parses as Turtle', [error.message]);
}
checks.ok(parsed !== null && parsed.size > 0,
  `ontology/hearsay.ttl parses (${parsed?.size} triples)`);
const ontology = sparqlStore([fs.readFileSync(ONTOLOGY_FILE, 'utf8')]);
const shapes = sparqlStore([fs.readFileSync(SHAPES_FILE, 'utf8')]);
const PREFIXES = `
  PREFIX hs: <${HS}>
  PREFIX owl: <http://www.w3.org/2002/07/owl#>
  PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
  PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
  PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
  PREFIX sh: <http://www.w3.org/ns/shacl#>
  PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>`;
const ask = (store, body) => store.query(`${PREFIXES} ASK { ${body} }`);

// Every term with its kind, label, comment and isDefinedBy.
const defined = new Map(select(ontology, `${PREFIXES}
  SELECT ?term ?kind WHERE {
    ?term rdfs:isDefinedBy <https://w3id.org/hearsay/ns> ; rdfs:label ?label ; rdfs:comment ?c .
    VALUES ?kind { owl:Class owl:ObjectProperty owl:DatatypeProperty owl:AnnotationProperty
                   owl:NamedIndividual }
    ?term a ?kind .
  }`).map((r) => [r.term, r.kind]));
const undocumented = select(ontology, `${PREFIXES}
  SELECT DISTINCT ?term WHERE {
    { ?term ?p ?o } UNION { ?s ?p ?term }
    FILTER (isIRI(?term) && STRSTARTS(STR(?term), "${HS}") && STR(?term) != "${HS}")
    FILTER NOT EXISTS { ?term rdfs:label ?l ; rdfs:comment ?c ; rdfs:isDefinedBy ?o2 }
  }`).map((r) => r.term);
checks.ok(undocumented.length === 0,
  'every hs: term of the ontology has a label, a comment and isDefinedBy', undocumented);

// The terms of DESIGN.md's vocabulary table and of the project's brief, by kind.
const contract = {
  'owl:DatatypeProperty': ['textSha256', 'cue', 'timex3', 'timexType', 'occasion'],
  'owl:ObjectProperty': ['sourceMention', 'cueMention', 'quoteKind', 'reportedBy', 'aboutEvent',
    'agent', 'target'],
  'owl:NamedIndividual': ['Direct', 'Indirect', 'Mixed'],
  'owl:Class': ['Statement', 'Appeal', 'Intent', 'Meeting', 'Visit', 'Negotiation', 'Agreement',
    'Cooperation', 'Aid', 'Demand', 'Criticism', 'Rejection', 'Threat', 'Protest', 'Sanction',
    'Withdrawal', 'Attack', 'Arrest', 'Legislation', 'Election', 'Death', 'Disaster'],
};
const wrongKind = Object.entries(contract).flatMap(([kind, names]) =>
  names.filter((n) => defined.get(`hs:${n}`) !== kind).map((n) => `hs:${n} is not an ${kind}`));
checks.ok(wrongKind.length === 0, 'every term of the output vocabulary is defined with its kind',
  wrongKind);

const properties = [...contract['owl:DatatypeProperty'], ...contract['owl:ObjectProperty']];
const noDomainRange = properties.filter(
  (n) => !ask(ontology, `hs:${n} rdfs:domain ?d ; rdfs:range ?r`));
checks.ok(noDomainRange.length === 0, 'every hs: property has rdfs:domain and rdfs:range',
  noDomainRange);

const eventClasses = select(ontology, `${PREFIXES}
  SELECT ?class WHERE { ?class rdfs:subClassOf sem:Event ; skos:note ?note .
                        FILTER (CONTAINS(?note, "CAMEO")) }`).map((r) => r.class);
checks.sameSet(eventClasses, contract['owl:Class'].map((n) => `hs:${n}`),
  'the 22 event classes are sem:Event subclasses with a CAMEO note');

checks.ok(ask(ontology, `hs:agent rdfs:subPropertyOf sem:hasActor .
                        hs:target rdfs:subPropertyOf sem:hasActor`),
  'hs:agent and hs:target refine sem:hasActor');
const alignments = select(ontology, `${PREFIXES}
  SELECT DISTINCT ?ns WHERE {
    ?term rdfs:isDefinedBy <https://w3id.org/hearsay/ns> ;
          rdfs:subPropertyOf|rdfs:subClassOf|rdfs:domain|rdfs:range ?target .
    BIND (REPLACE(STR(?target), "[^/#]*$", "") AS ?ns)
  }`).map((r) => r.ns.replace(/^"|"$/g, ''));
const expectedNamespaces = ['http://semanticweb.cs.vu.nl/2009/11/sem/', 'http://schema.org/',
  'http://www.w3.org/ns/prov#', 'http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#'];
checks.ok(expectedNamespaces.every((ns) => alignments.includes(ns)),
  'the terms are tied to SEM, schema.org, PROV-O and NIF', [`found: ${alignments.join(' ')}`]);

checks.ok(ask(ontology, `?code a skos:Concept ; skos:inScheme <https://w3id.org/hearsay/cameo/> .
                        <https://w3id.org/hearsay/cameo/> a skos:ConceptScheme`),
  'CAMEO codes are skos:Concepts of the cameo: concept scheme');
const rootless = select(ontology, `${PREFIXES}
  SELECT ?class WHERE { ?class hs:cameoRoot ?root .
    FILTER NOT EXISTS { ?root skos:topConceptOf <https://w3id.org/hearsay/cameo/> } }`);
checks.ok(rootless.length === 0, 'every hs:cameoRoot is a top concept of the CAMEO scheme',
  rootless.map((r) => r.class));

// Every CAMEO code of the events stage's trigger rules (ontology/triggers.tsv, columns named
// in its header) is a concept of the scheme under a root of the rule's class.
const triggersFile = path.join(SOURCE_DIR, 'ontology', 'triggers.tsv');
if (fs.existsSync(triggersFile)) {
  const lines = fs.readFileSync(triggersFile, 'utf8').split('\n');
  const header = lines.filter((l) => l.startsWith('# name\t')).pop().slice(2).split('\t');
  const column = (name) => header.indexOf(name);
  const misfits = [];
  for (const line of lines.filter((l) => l && !l.startsWith('#'))) {
    const fields = line.split('\t');
    for (const code of [fields[column('cameo')], fields[column('future')]]) {
      if (!code || code === '-') continue;
      const fits = ask(ontology, `<https://w3id.org/hearsay/cameo/${code}> a skos:Concept ;
          skos:broader ?root . hs:${fields[column('type')]} hs:cameoRoot ?root`);
      if (!fits) {
        misfits.push(`${fields[column('name')]}: hs:${fields[column('type')]} with code ${code}`);
      }
    }
  }
  checks.ok(misfits.length === 0,
    'every CAMEO code of ontology/triggers.tsv is a concept under a root of its class', misfits);
}

// The shapes' qualified list of event classes is the ontology's list.
const shapeClasses = select(shapes, `${PREFIXES}
  SELECT ?class WHERE {
    ?shape sh:targetClass sem:Event ;
           sh:property/sh:qualifiedValueShape/sh:in/rdf:rest*/rdf:first ?class .
  }`).map((r) => r.class);
checks.sameSet(shapeClasses, eventClasses,
  "the event shape's class list is the ontology's event classes");

// Every hs: term that shapes, fixtures and queries use is defined (the broken fixtures misspell
// terms on purpose).
const filesIn = (dir, ending) => fs.readdirSync(dir)
  .filter((f) => f.endsWith(ending) && !f.startsWith('broken')).map((f) => path.join(dir, f));
const users = [SHAPES_FILE, ...filesIn(FIXTURES_DIR, '.ttl'), ...filesIn(QUERIES_DIR, '.rq'),
  ...filesIn(INTEGRITY_DIR, '.rq')];
const undefinedTerms = users.flatMap((file) =>
  [...hsTermsUsed(fs.readFileSync(file, 'utf8'))].filter((term) => !defined.has(term))
    .map((term) => `${path.relative(SOURCE_DIR, file)}: ${term}`));
checks.ok(undefinedTerms.length === 0,
  `every hs: term used in ${users.length} shapes, fixture and query files is defined`,
  undefinedTerms);

checks.finish();
