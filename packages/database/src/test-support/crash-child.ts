// Child process of the crash test: commits in a loop (several writers, so group commits are in
// flight) and prints "ACK <id> <ts> <seq>" for every acknowledged commit, until it is killed.
// Run as: node --conditions=@selfhost/source crash-child.ts '<StoreSpec JSON>' <first seq>
import { openDatabase } from '../open-database.ts';
import { openStore, type StoreSpec } from './drivers.ts';
import { TEST_CURSOR_KEY } from './test-database.ts';

const spec = JSON.parse(process.argv[2] ?? '{}') as StoreSpec;
let seq = Number(process.argv[3] ?? '0');
const db = await openDatabase({
  persistence: await openStore(spec, 'FULL'),
  cursorKey: TEST_CURSOR_KEY,
});
process.stdout.write('READY\n');

async function writer(): Promise<never> {
  for (;;) {
    const mine = seq++;
    const tx = db.begin();
    const id = await tx.insert('crash', { seq: mine, pad: 'x'.repeat(mine % 50) });
    const { ts } = await tx.commit();
    process.stdout.write(`ACK ${id} ${ts} ${mine}\n`);
  }
}

await Promise.all([writer(), writer(), writer(), writer()]);
