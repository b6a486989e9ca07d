import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Database } from '../database.ts';
import { DatabaseError } from '../errors/database-error.ts';
import { openDatabase } from '../open-database.ts';
import { applySchema } from '../schema/schema-change.ts';
import { openSqlitePersistence } from '../sqlite/sqlite-persistence.ts';
import { TEST_CURSOR_KEY } from '../test-support/test-database.ts';
import type { RangeExpression, SerializedQuery } from '../query/serialized-query.ts';
import type { Transaction } from '../transaction/transaction.ts';

// Random concurrent transactions over a 5-key space. Every committed history must be equivalent
// to running the committed transactions one by one in commit-ts order: replaying them serially
// against a plain Map must reproduce every read they made and the final state. Transactions that
// fail must fail with the typed OCC error — never another error, never a lost write.

type Op =
  | { kind: 'get'; k: number }
  | { kind: 'range'; lo: number; hi: number }
  | { kind: 'put'; k: number; v: number }
  | { kind: 'del'; k: number };

const KEYS = 5;
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('get' as const), k: fc.nat(KEYS - 1) }),
  fc
    .tuple(fc.nat(KEYS), fc.nat(KEYS))
    .map(([a, b]) => ({ kind: 'range' as const, lo: Math.min(a, b), hi: Math.max(a, b) })),
  fc.record({ kind: fc.constant('put' as const), k: fc.nat(KEYS - 1), v: fc.nat(1000) }),
  fc.record({ kind: fc.constant('del' as const), k: fc.nat(KEYS - 1) }),
);

const byK = (range: RangeExpression[]): SerializedQuery => ({
  source: { type: 'IndexRange', indexName: 'kv.by_k', range, order: 'asc' },
  operators: [],
});

async function run(tx: Transaction, o: Op): Promise<unknown> {
  switch (o.kind) {
    case 'get': {
      const doc = await tx.query(byK([{ type: 'Eq', fieldPath: 'k', value: o.k }])).first();
      return doc === null ? null : doc.value['v'];
    }
    case 'range': {
      const docs = await tx
        .query(
          byK([
            { type: 'Gte', fieldPath: 'k', value: o.lo },
            { type: 'Lt', fieldPath: 'k', value: o.hi },
          ]),
        )
        .collect();
      return docs.map((d) => [d.value['k'], d.value['v']]);
    }
    case 'put': {
      const doc = await tx.query(byK([{ type: 'Eq', fieldPath: 'k', value: o.k }])).first();
      if (doc === null) await tx.insert('kv', { k: o.k, v: o.v });
      else await tx.patch(doc.id, { v: o.v });
      return doc !== null;
    }
    case 'del': {
      const doc = await tx.query(byK([{ type: 'Eq', fieldPath: 'k', value: o.k }])).first();
      if (doc !== null) await tx.delete(doc.id);
      return doc !== null;
    }
  }
}

function replay(model: Map<number, number>, o: Op): unknown {
  switch (o.kind) {
    case 'get':
      return model.get(o.k) ?? null;
    case 'range':
      return [...model.entries()].filter(([k]) => k >= o.lo && k < o.hi).sort(([a], [b]) => a - b);
    case 'put': {
      const existed = model.has(o.k);
      model.set(o.k, o.v);
      return existed;
    }
    case 'del': {
      const existed = model.has(o.k);
      model.delete(o.k);
      return existed;
    }
  }
}

async function freshDb(initial: readonly number[]): Promise<Database> {
  const db = await openDatabase({
    persistence: await openSqlitePersistence({ path: ':memory:' }),
    cursorKey: TEST_CURSOR_KEY,
  });
  await applySchema(db, {
    tables: [
      {
        tableName: 'kv',
        indexes: [{ indexDescriptor: 'by_k', fields: ['k'] }],
        documentType: null,
      },
    ],
    schemaValidation: false,
  });
  await db.runMutation(async (tx) => {
    for (const k of initial) await tx.insert('kv', { k, v: -1 });
  });
  return db;
}

describe('OCC', () => {
  test('every committed history is serializable in commit-ts order; conflicts are typed', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.nat(KEYS - 1), { maxLength: KEYS }),
        fc.array(fc.array(op, { minLength: 1, maxLength: 4 }), { minLength: 2, maxLength: 6 }),
        fc.array(fc.nat(5), { minLength: 10, maxLength: 60 }),
        async (initial, programs, schedule) => {
          const db = await freshDb(initial);
          const txs: (Transaction | null)[] = programs.map(() => null);
          const observed: unknown[][] = programs.map(() => []);
          const next = programs.map(() => 0);
          const commits: (Promise<{ ts: bigint } | DatabaseError> | null)[] = programs.map(
            () => null,
          );
          const step = async (i: number): Promise<void> => {
            if (commits[i] !== null) return;
            txs[i] ??= db.begin();
            const tx = txs[i];
            if (next[i]! < programs[i]!.length)
              observed[i]!.push(await run(tx, programs[i]![next[i]!++]!));
            else commits[i] = tx.commit().catch((e: unknown) => e as DatabaseError);
          };
          for (const s of schedule) await step(s % programs.length);
          for (let i = 0; i < programs.length; i++) while (commits[i] === null) await step(i);
          const outcomes = await Promise.all(commits.map((c) => c!));
          const committed: { i: number; ts: bigint }[] = [];
          outcomes.forEach((outcome, i) => {
            if (outcome instanceof DatabaseError)
              expect(outcome.code).toBe('OptimisticConcurrencyControlFailure');
            else if (outcome instanceof Error) throw outcome;
            else committed.push({ i, ts: outcome.ts });
          });
          committed.sort((a, b) => (a.ts < b.ts ? -1 : 1));
          const model = new Map<number, number>(initial.map((k) => [k, -1]));
          for (const { i } of committed) {
            const reads = programs[i]!.map((o) => replay(model, o));
            expect(observed[i]).toEqual(reads);
          }
          const final = await db.begin().query(byK([])).collect();
          expect(final.map((d) => [d.value['k'], d.value['v']])).toEqual(
            [...model.entries()].sort(([a], [b]) => a - b),
          );
          await db.close();
        },
      ),
      { numRuns: 60 },
    );
  });
});
