import fs from 'node:fs';
const l = await import('/work/wt/ontology/tests/rdf/lib.mjs');
const files = fs.readdirSync('/tmp/simout').map(f => fs.readFileSync('/tmp/simout/' + f, 'utf8'));
const store = l.storeWithOntology(files);
for (const f of process.argv.slice(2)) {
  console.log('==', f);
  const text = fs.existsSync(f) ? fs.readFileSync(f, 'utf8') : f;
  for (const r of l.select(store, text)) console.log(JSON.stringify(r).slice(0, 330));
}
