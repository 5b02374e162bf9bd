// ontology/shapes.ttl accepts the scorer's good fixture and rejects a broken graph with
// exactly the violations that the broken graph's "# expect:" lines name.
import fs from 'node:fs';
import path from 'node:path';

import { Checks, describeResult, FIXTURES_DIR, readTurtle, validate } from './lib.mjs';

const checks = new Checks('shacl');

const good = await validate(readTurtle(path.join(FIXTURES_DIR, 'seed-good.ttl')));
checks.ok(good.length === 0, 'the good seed fixture conforms to the shapes', good.map(describeResult));

const brokenFile = path.join(FIXTURES_DIR, 'broken.ttl');
const expected = [...fs.readFileSync(brokenFile, 'utf8').matchAll(/^# expect: (\S+) (\S+)$/gm)]
  .map((m) => `${m[1]} ${m[2]}`);
const broken = await validate(readTurtle(brokenFile));
checks.ok(broken.length > 0, 'the broken graph does not conform');
checks.sameSet(broken.map((r) => `${r.focus} ${r.component}`), expected,
  `the report names exactly the ${expected.length} expected defects of the broken graph`);

checks.finish();
