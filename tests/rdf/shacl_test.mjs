// ontology/shapes.ttl accepts the scorer's good fixture, a second article and the union of
// both (shapes hold for merged stores too), and rejects a broken graph with exactly the
// violations that the broken graph's "# expect:" lines name.
import {
  Checks, describeResult, expectations, parseTurtle, readFixture as fixture, validate,
} from './lib.mjs';

const checks = new Checks('shacl');

for (const name of ['seed-good.ttl', 'example-wire.ttl']) {
  const results = await validate(parseTurtle(fixture(name)));
  checks.ok(results.length === 0, `${name} conforms to the shapes`, results.map(describeResult));
}
const union = parseTurtle(fixture('seed-good.ttl'));
union.addQuads(parseTurtle(fixture('example-wire.ttl')).getQuads());
const merged = await validate(union);
checks.ok(merged.length === 0, 'the union of both articles conforms to the shapes',
  merged.map(describeResult));

const expected = expectations(fixture('broken.ttl'));
const broken = await validate(parseTurtle(fixture('broken.ttl')));
checks.ok(broken.length > 0, 'the broken graph does not conform');
checks.sameSet(broken.map((r) => `${r.focus} ${r.component}`), expected,
  `the report names exactly the ${expected.length} expected defects of the broken graph`);

checks.finish();
