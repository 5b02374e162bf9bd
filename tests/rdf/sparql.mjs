// Loads Turtle files into an embedded Oxigraph store and prints a SPARQL query's answers as a
// table: a store to try the example queries on without installing a server.
// Usage: node tests/rdf/sparql.mjs QUERY.rq FILE.ttl...
import fs from 'node:fs';

import oxigraph from 'oxigraph';

const [queryFile, ...dataFiles] = process.argv.slice(2);
if (!queryFile || dataFiles.length === 0) {
  console.error('usage: node tests/rdf/sparql.mjs QUERY.rq FILE.ttl...');
  process.exit(2);
}
const store = new oxigraph.Store();
for (const file of dataFiles) {
  store.load(fs.readFileSync(file, 'utf8'), { format: 'text/turtle' });
}
const short = (term) => {
  if (!term) return '';
  if (term.termType === 'Literal') return term.value;
  return term.value.replace(/^.*[#/]/, '');
};
const rows = [...store.query(fs.readFileSync(queryFile, 'utf8'))];
if (rows.length === 0) {
  console.log('(no answers)');
} else {
  const names = [...rows[0].keys()];
  console.log(names.join('\t'));
  for (const row of rows) console.log(names.map((name) => short(row.get(name))).join('\t'));
}
