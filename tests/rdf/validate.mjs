// Validates hearsay outputs (Turtle files, or - for standard input) against
// ontology/shapes.ttl; prints each violation; exit status 1 if any file does not conform.
//   node tests/rdf/validate.mjs out.ttl ...
import fs from 'node:fs';

import { describeResult, parseTurtle, validate } from './lib.mjs';

let failed = false;
for (const file of process.argv.slice(2)) {
  const text = fs.readFileSync(file === '-' ? 0 : file, 'utf8');
  const results = await validate(parseTurtle(text, 'file:///stdin'));
  console.log(`${file}: ${results.length ? `${results.length} violations` : 'conforms'}`);
  for (const r of results) console.log(`  ${describeResult(r)}`);
  failed ||= results.length > 0;
}
process.exitCode = failed ? 1 : 0;
