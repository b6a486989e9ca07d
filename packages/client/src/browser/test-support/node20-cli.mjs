// Run by `node20-smoke.e2e.test.ts` with Node 20: the built `selfhost` CLI (`dist/cli/main.js`,
// what `bin/selfhost.js` runs once installed), given this script's arguments.
import { main } from '../../../dist/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
