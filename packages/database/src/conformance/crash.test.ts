import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDatabase } from '../open-database.ts';
import { applySchema } from '../schema/schema-change.ts';
import type { TestStore } from '../test-support/drivers.ts';
import { driverMatrix, TEST_CURSOR_KEY } from '../test-support/test-database.ts';

const matrix = await driverMatrix();
const CHILD = path.join(import.meta.dirname, '..', 'test-support', 'crash-child.ts');
const KILLS = 20;

interface Ack {
  readonly id: string;
  readonly ts: bigint;
  readonly seq: number;
}

/** Runs the child until `acks` acknowledgements were printed (or a random delay), then SIGKILLs it. */
function runAndKill(
  spec: TestStore['spec'],
  firstSeq: number,
  acksBeforeKill: number,
): Promise<Ack[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--conditions=@selfhost/source', CHILD, JSON.stringify(spec), String(firstSeq)],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const acks: Ack[] = [];
    let buffer = '';
    let stderr = '';
    let killed = false;
    const kill = (): void => {
      if (!killed) {
        killed = true;
        child.kill('SIGKILL');
      }
    };
    const timer = setTimeout(kill, 15_000);
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) {
        const [tag, id, ts, seq] = line.split(' ');
        if (tag === 'READY' && acksBeforeKill === 0) setTimeout(kill, Math.random() * 20);
        if (tag !== 'ACK' || killed) continue;
        acks.push({ id: id!, ts: BigInt(ts!), seq: Number(seq) });
        if (acks.length >= acksBeforeKill) kill();
      }
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL')
        reject(new Error(`crash child exited on its own (${code}): ${stderr}`));
      else resolve(acks);
    });
  });
}

describe.each(matrix)('crash recovery on $name', ({ driver, skip }) => {
  let store: TestStore;
  beforeAll(async () => {
    if (skip) return;
    store = await driver.create();
    const db = await openDatabase({ persistence: await store.open(), cursorKey: TEST_CURSOR_KEY });
    await applySchema(db, {
      tables: [
        {
          tableName: 'crash',
          indexes: [{ indexDescriptor: 'by_seq', fields: ['seq'] }],
          documentType: null,
        },
      ],
      schemaValidation: false,
    });
    await db.close();
  });
  afterAll(async () => {
    if (!skip) await store.destroy();
  });

  test.skipIf(skip)(
    `every acknowledged commit survives ${KILLS} SIGKILLs, through every index`,
    { timeout: 240_000 },
    async () => {
      const acked: Ack[] = [];
      let lastTs = 0n;
      for (let round = 0; round < KILLS; round++) {
        const acks = await runAndKill(store.spec, round * 100_000, Math.floor(Math.random() * 40));
        acked.push(...acks);
        const db = await openDatabase({
          persistence: await store.open(),
          cursorKey: TEST_CURSOR_KEY,
        });
        try {
          const maxAcked = acks.reduce((max, a) => (a.ts > max ? a.ts : max), lastTs);
          expect(db.latestTs).toBeGreaterThanOrEqual(maxAcked);
          const tx = db.begin({ readOnly: true });
          const byCreation = new Set(
            (
              await tx
                .query({
                  source: { type: 'FullTableScan', tableName: 'crash', order: 'asc' },
                  operators: [],
                })
                .collect()
            ).map((d) => d.id as string),
          );
          const bySeq = new Map(
            (
              await tx
                .query({
                  source: {
                    type: 'IndexRange',
                    indexName: 'crash.by_seq',
                    range: [],
                    order: 'asc',
                  },
                  operators: [],
                })
                .collect()
            ).map((d) => [d.id as string, d.value['seq']]),
          );
          for (const ack of acked) {
            expect((await tx.get(ack.id))?.value['seq']).toBe(ack.seq);
            expect(byCreation.has(ack.id)).toBe(true);
            expect(bySeq.get(ack.id)).toBe(ack.seq);
          }
          expect(await tx.count('crash')).toBe(byCreation.size);
          tx.abort();
          const write = db.begin();
          await write.insert('crash', { seq: -1 - round });
          const { ts } = await write.commit();
          expect(ts).toBeGreaterThan(maxAcked);
          lastTs = ts;
        } finally {
          await db.close();
        }
      }
      expect(acked.length).toBeGreaterThan(0);
    },
  );
});
