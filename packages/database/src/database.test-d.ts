import { expectTypeOf, test } from 'vitest';
import type { Database } from './database.ts';
import type { StoredDocument } from './documents/stored-document.ts';
import type { PageResult } from './query/paginate.ts';
import type { Timestamp } from './timestamp.ts';
import type { Transaction } from './transaction/transaction.ts';

declare const db: Database;
declare const tx: Transaction;

test('public generic and async signatures', () => {
  expectTypeOf(db.runMutation(() => Promise.resolve(42))).toEqualTypeOf<Promise<number>>();
  expectTypeOf(tx.get('id')).toEqualTypeOf<Promise<StoredDocument | null>>();
  expectTypeOf(tx.commit()).toEqualTypeOf<Promise<{ readonly ts: Timestamp }>>();
  expectTypeOf(tx.queryPage({}, { cursor: null, numItems: 1 })).toEqualTypeOf<
    Promise<PageResult>
  >();
  expectTypeOf(db.latestTs).toEqualTypeOf<Timestamp>();
});
