// Entity and date extraction with a widely used JavaScript NLP library, over the same JSONL
// input as hearsay, for bench/bench.py. Prints one JSON line of counts.
//
//   node baseline.js compromise|wink FILE.jsonl
//
// compromise: people, places, organizations (compromise) and dates (compromise-dates).
// wink: wink-nlp with wink-eng-lite-web-model: sentences, tokens, part-of-speech tags and its
//       named entities (DATE, TIME, DURATION, CARDINAL, MONEY ...).
'use strict';

const fs = require('fs');
const readline = require('readline');

function compromiseExtractor() {
  const nlp = require('compromise');
  nlp.plugin(require('compromise-dates'));
  return (text) => {
    const doc = nlp(text);
    return {
      entities: doc.people().length + doc.places().length + doc.organizations().length,
      dates: doc.dates().json().length,
    };
  };
}

function winkExtractor() {
  const winkNLP = require('wink-nlp');
  const nlp = winkNLP(require('wink-eng-lite-web-model'));
  const its = nlp.its;
  return (text) => {
    const doc = nlp.readDoc(text);
    const types = doc.entities().out(its.type);
    doc.tokens().out(its.pos);
    const dates = types.filter((type) => type === 'DATE' || type === 'TIME').length;
    return { entities: types.length - dates, dates };
  };
}

async function main() {
  const [library, path] = process.argv.slice(2);
  const extractors = { compromise: compromiseExtractor, wink: winkExtractor };
  if (!extractors[library] || !path) {
    console.error('usage: node baseline.js compromise|wink FILE.jsonl');
    process.exit(2);
  }
  const extract = extractors[library]();
  const totals = { library, articles: 0, text_bytes: 0, entities: 0, dates: 0, failed: 0 };
  const lines = readline.createInterface({ input: fs.createReadStream(path), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) continue;
    const record = JSON.parse(line);
    const text = record.text || record.maintext || '';
    totals.articles += 1;
    totals.text_bytes += Buffer.byteLength(text, 'utf8');
    try {
      const found = extract(text);
      totals.entities += found.entities;
      totals.dates += found.dates;
    } catch (error) {
      // compromise-dates 3.9.0 throws on some date phrases; the article still counts.
      totals.failed += 1;
    }
  }
  console.log(JSON.stringify(totals));
}

main();
