// The example queries of examples/queries/ answer what the fixture articles say, and the
// integrity queries of integrity/ hold on the fixtures and catch the defects of a broken graph.
// Loads the seed article's good fixture and example-wire.ttl (a second article about the same
// meeting) into Oxigraph, as a user would load two outputs into one store.
//   node queries_test.mjs [--corpus DIR]   (DIR: the dev corpus, for the seed article's text)
import fs from 'node:fs';
import path from 'node:path';

import {
  Checks, expectations, groundingProblems, integrityProblems, option, readFixture as fixture,
  runExample, sha256Hex, sparqlStore, storeWithOntology,
} from './lib.mjs';

const corpus = option('--corpus');
const checks = new Checks('queries');
const outputs = [fixture('seed-good.ttl'), fixture('example-wire.ttl')];
const store = storeWithOntology(outputs);
const run = (name) => runExample(store, name);
const start = (text, n = 24) => (text ?? '').slice(0, n);

// --- loading ------------------------------------------------------------------------------

const once = sparqlStore(outputs).size;
checks.ok(sparqlStore([...outputs, ...outputs]).size === once,
  `loading the outputs twice adds nothing (${once} triples)`);

// --- integrity ----------------------------------------------------------------------------

const problems = integrityProblems(store);
checks.ok(problems.length === 0, 'every integrity query holds on the fixtures', problems);

const texts = new Map();
const wireText = fixture('example-wire.txt');
texts.set(sha256Hex(wireText), wireText);
const seedTxt = corpus && path.join(corpus, 'moscow-times-2013-10-03-obama-putin-apec.txt');
if (seedTxt && fs.existsSync(seedTxt)) {
  const seedText = fs.readFileSync(seedTxt, 'utf8');
  texts.set(sha256Hex(seedText), seedText);
}
const grounding = groundingProblems(store, texts);
checks.ok(grounding.length === 0,
  `each article text (${texts.size} known) is found by its hash, and every mention's anchorOf ` +
  'is its text in code points', grounding);

const broken = fixture('broken-integrity.ttl');
const expected = expectations(broken);
const caught = integrityProblems(storeWithOntology([broken]))
  .map((line) => line.replace(/:\s.*$/, ''));
checks.sameSet(caught, expected,
  `the integrity queries catch exactly the ${expected.length} defects of broken-integrity.ttl`);

// --- who said what about which event, relayed by whom ---------------------------------------

checks.sameSet(
  run('who-said-what').map((r) =>
    `${r.source} | ${r.kind} | ${start(r.text)} | ${r.eventLabel ?? '-'} | ${r.relays || '-'}`),
  [
    'Yury Ushakov | hs:Indirect | President Vladimir Putin | Putin-Obama meeting | -',
    'Yury Ushakov | hs:Indirect | President Vladimir Putin | Putin-Obama talks | -',
    'Yury Ushakov | hs:Indirect | President Vladimir Putin | APEC summit | -',
    'Yury Ushakov | hs:Direct | This was our proposal, w | - | Interfax',
    'Yury Ushakov | hs:Direct | We think the meeting wil | Putin-Obama meeting | Interfax',
    'Yury Ushakov | hs:Mixed | The two leaders plan to  | Putin-Obama talks | -',
    'Yury Ushakov | hs:Indirect | Vladimir Putin met Barac | Putin-Obama meeting | -',
    'Yury Ushakov | hs:Direct | Putin said the talks wer | Putin-Obama talks | Interfax',
    'Vladimir Putin | hs:Indirect | the talks were useful | Putin-Obama talks | Yury Ushakov',
  ],
  'who-said-what: each claim with its source, kind, events and relays');

// --- relay chains -------------------------------------------------------------------------

const chains = new Map();
for (const r of run('relay-chain')) {
  const steps = chains.get(r.text) ?? [];
  steps.push(`${r.step} ${r.role} ${r.who}`);
  chains.set(r.text, steps);
}
checks.ok(chains.size === 7, `relay-chain: a chain for each of the 7 claims (${chains.size})`);
checks.ok(
  JSON.stringify(chains.get('the talks were useful')) === JSON.stringify([
    '0 published by Example Wire', '1 relayed by Interfax', '2 quoted by Yury Ushakov',
    '3 relayed by Yury Ushakov', '4 said by Vladimir Putin']),
  'relay-chain: Putin, quoted by Ushakov, through Interfax, to Example Wire',
  [JSON.stringify(chains.get('the talks were useful'))]);
const proposal = 'This was our proposal, which was taken up immediately by the American side';
checks.ok(
  JSON.stringify(chains.get(proposal)) === JSON.stringify([
    '0 published by The Moscow Times', '3 relayed by Interfax', '4 said by Yury Ushakov']),
  'relay-chain: Ushakov through Interfax to The Moscow Times',
  [JSON.stringify(chains.get(proposal))]);

// --- every claim of a person, in time order ------------------------------------------------

checks.ok(
  JSON.stringify(run('claims-by-person').map((r) =>
    `${r.date} ${r.dateKind} ${start(r.text, 16)} ${r.occasion ?? '-'}`)) === JSON.stringify([
    '2013-10-03 said President Vladim -',
    '2013-10-03 published This was our pro -',
    '2013-10-03 published We think the mee -',
    '2013-10-03 published The two leaders  -',
    '2013-10-08 said Vladimir Putin m at a news briefing',
    '2013-10-08 published Putin said the t -',
  ]),
  "claims-by-person: Ushakov's six claims by date, then by position in the article");

// --- meetings between the two countries' leaders, by month ---------------------------------

checks.sameSet(
  run('meetings-by-month').map((r) =>
    `${r.month} ${r.class} ${r.cameo} ${r.label} ${r.polarity} ${r.events}`),
  [
    '2013-08 hs:Meeting cameo:040 Putin-Obama meeting POSITIVE NEGATIVE 1',
    '2013-10 hs:Meeting cameo:044 Putin-Obama meeting POSITIVE 1',
    '2013-10 hs:Negotiation cameo:046 Putin-Obama talks POSITIVE 1',
  ],
  'meetings-by-month: the August encounter, the Bali meeting and talks, each once after the merge');

// --- hedged vs certain views of one event ---------------------------------------------------

checks.sameSet(
  run('hedged-vs-certain').filter((r) => r.event === 'event:ea2bc56950b6997ab').map((r) =>
    `${r.view} ${r.holder} ${r.certainty} ${r.polarity} ${r.tense} "${r.words}" ` +
    `${start(r.claimText, 16) || '-'}`),
  [
    'hedged The Moscow Times POSSIBLE POSITIVE FUTURE "Meet" -',
    'hedged Yury Ushakov POSSIBLE POSITIVE FUTURE "meet" President Vladim',
    'hedged Yury Ushakov PROBABLE POSITIVE FUTURE "meeting" We think the mee',
    'hedged The Moscow Times POSSIBLE POSITIVE FUTURE "meeting" -',
    'certain Example Wire CERTAIN POSITIVE NON_FUTURE "meet" -',
    'certain Yury Ushakov CERTAIN POSITIVE NON_FUTURE "met" Vladimir Putin m',
  ],
  'hedged-vs-certain: the Bali meeting, possible and probable before, certain after');

// --- span and article of a claim -------------------------------------------------------------

const provenance = run('claim-provenance');
const row = provenance.find((r) => r.text === proposal);
checks.ok(row !== undefined &&
  `${row.begin},${row.end} ${row.sourceWords}@${row.sourceBegin} ${row.cueWords}@${row.cueBegin} ` +
  `${row.publisher} ${row.published} ${row.headline}` ===
  '391,465 Yury Ushakov@468 said@481 The Moscow Times 2013-10-03 ' +
    'Obama and Putin May Meet at APEC Summit',
  'claim-provenance: spans, publisher, date and headline of a quotation', [JSON.stringify(row)]);
const wire = provenance.filter((r) => r.url);
checks.ok(wire.length === 3 && wire.every((r) => r.sha256 === sha256Hex(wireText)),
  'claim-provenance: the URL and text hash of the second article on each of its claims');
checks.ok(provenance.length === 7, `claim-provenance: one row per claim (${provenance.length})`);

checks.finish();
