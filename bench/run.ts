import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * `npm run bench`: runs every `*.bench.js` beside this file, one after another, each in its own process
 * (they create and drop their own databases). `npm run bench -- risk` runs those whose name contains "risk".
 */
const here = dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2];
const benches = readdirSync(here)
  .filter((name) => name.endsWith('.bench.js'))
  .filter((name) => !filter || name.includes(filter))
  .sort();
if (benches.length === 0) {
  console.error(`no benchmark matches ${filter ?? '*'}`);
  process.exit(2);
}
let failed = 0;
for (const bench of benches) {
  console.log(`\n=== ${bench}`);
  const result = spawnSync(process.execPath, [join(here, bench)], { stdio: 'inherit' });
  if (result.status !== 0) failed += 1;
}
process.exit(failed === 0 ? 0 : 1);
