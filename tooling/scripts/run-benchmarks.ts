// `pnpm bench` in a package: run every `bench/*.bench.ts` of the package in its own Node process,
// one after another (benchmarks must not compete for the two cores), reading workspace packages
// from source. A package without benchmarks says so and succeeds.
import { spawnSync } from 'node:child_process';
import { readdirSync, existsSync } from 'node:fs';
import path from 'node:path';

const benchDir = path.join(process.cwd(), 'bench');
const files = existsSync(benchDir)
  ? readdirSync(benchDir)
      .filter((name) => name.endsWith('.bench.ts'))
      .sort()
  : [];

if (files.length === 0) {
  console.log(`no benchmarks in ${path.basename(process.cwd())}`);
  process.exit(0);
}

let failed = 0;
for (const file of files) {
  console.log(`\n=== ${path.basename(process.cwd())}/bench/${file}`);
  const result = spawnSync(
    process.execPath,
    ['--conditions=@selfhost/source', '--no-node-snapshot', '--expose-gc', path.join(benchDir, file)],
    { stdio: 'inherit' },
  );
  if (result.status !== 0) failed += 1;
}
process.exit(failed === 0 ? 0 : 1);
