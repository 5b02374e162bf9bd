// ontology/shapes.ttl accepts the scorer's good fixture, a second article and the union of
// both (shapes hold for merged stores too), and rejects a broken graph with exactly the
// violations that the broken graph's "# expect:" lines name.
import fs from 'node:fs';
import path from 'node:path';

import { Checks, describeResult, FIXTURES_DIR, parseTurtle, validate } from './lib.mjs';

const checks = new Checks('shacl');
const fixture = (name) => fs.readFileSync(path.join(FIXTURES_DIR, name), 'utf8');

for (const name of ['seed-good.ttl', 'example-wire.ttl']) {
  const results = await validate(parseTurtle(fixture(name)));
  checks.ok(results.length === 0, `${name} conforms to the shapes`, results.map(describeResult));
}
const union = parseTurtle(fixture('seed-good.ttl'));
union.addQuads(parseTurtle(fixture('example-wire.ttl')).getQuads());
const merged = await validate(union);
checks.ok(merged.length === 0, 'the union of both articles conforms to the shapes',
  merged.map(describeResult));

const expected = [...fixture('broken.ttl').matchAll(/^# expect: (\S+) (\S+)$/gm)]
  .map((m) => `${m[1]} ${m[2]}`);
const broken = await validate(parseTurtle(fixture('broken.ttl')));
checks.ok(broken.length > 0, 'the broken graph does not conform');
checks.sameSet(broken.map((r) => `${r.focus} ${r.component}`), expected,
  `the report names exactly the ${expected.length} expected defects of the broken graph`);

checks.finish();
