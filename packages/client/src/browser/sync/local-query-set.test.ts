import { makeTimestamp as t } from '@selfhost/protocol';
import { describe, expect, test } from 'vitest';
import { LocalQuerySet } from './local-query-set.ts';

describe('LocalQuerySet', () => {
  test('numbers queries and advances the version once per change, sharing duplicates', () => {
    const set = new LocalQuerySet();
    const a = set.subscribe('messages:list', {});
    expect(a.modification).toEqual({
      type: 'ModifyQuerySet',
      baseVersion: 0,
      newVersion: 1,
      modifications: [{ type: 'Add', queryId: 0, udfPath: 'messages:list', args: [{}] }],
    });
    // Same canonical path and args: shares query 0, nothing to send.
    const again = set.subscribe('messages.js:list', {});
    expect(again.modification).toBeNull();
    expect(again.queryToken).toBe(a.queryToken);
    const b = set.subscribe('messages', { n: 1n });
    expect(b.modification).toMatchObject({
      baseVersion: 1,
      newVersion: 2,
      modifications: [
        { queryId: 1, udfPath: 'messages:default', args: [{ n: { $integer: 'AQAAAAAAAAA=' } }] },
      ],
    });
    expect(a.unsubscribe()).toBeNull(); // one subscriber left
    expect(again.unsubscribe()).toEqual({
      type: 'ModifyQuerySet',
      baseVersion: 2,
      newVersion: 3,
      modifications: [{ type: 'Remove', queryId: 0 }],
    });
    expect(set.version).toBe(3);
  });

  test('restart re-adds every live query with its latest journal at version 0 → 1', () => {
    const set = new LocalQuerySet();
    set.subscribe('a:f', {});
    const b = set.subscribe('b:g', {});
    set.subscribe('c:h', {}).unsubscribe();
    set.transition({
      type: 'Transition',
      startVersion: { querySet: 0, identity: 0, ts: t(0n) },
      endVersion: { querySet: 4, identity: 0, ts: t(1n) },
      modifications: [
        { type: 'QueryUpdated', queryId: 1, value: null, logLines: [], journal: 'cursor-1' },
      ],
    });
    expect(set.queryJournal(b.queryToken)).toBe('cursor-1');
    expect(set.restart()).toEqual({
      type: 'ModifyQuerySet',
      baseVersion: 0,
      newVersion: 1,
      modifications: [
        { type: 'Add', queryId: 0, udfPath: 'a:f', args: [{}] },
        { type: 'Add', queryId: 1, udfPath: 'b:g', args: [{}], journal: 'cursor-1' },
      ],
    });
    expect(set.hasSyncedPastLastReconnect()).toBe(false);
    expect(b.unsubscribe()).toMatchObject({ baseVersion: 1, newVersion: 2 });
    set.transition({
      type: 'Transition',
      startVersion: { querySet: 1, identity: 0, ts: t(1n) },
      endVersion: { querySet: 2, identity: 0, ts: t(1n) },
      modifications: [
        { type: 'QueryUpdated', queryId: 0, value: null, logLines: [], journal: null },
      ],
    });
    expect(set.hasSyncedPastLastReconnect()).toBe(true);
  });

  test('while paused, collects changes and sends them as one modification on resume', () => {
    const set = new LocalQuerySet();
    set.subscribe('a:f', {});
    set.pause();
    set.subscribe('b:g', {});
    const c = set.subscribe('c:h', {});
    c.unsubscribe(); // added and removed within the pause: never sent
    expect(set.version).toBe(1);
    expect(set.resume()).toEqual({
      type: 'ModifyQuerySet',
      baseVersion: 1,
      newVersion: 2,
      modifications: [{ type: 'Add', queryId: 1, udfPath: 'b:g', args: [{}] }],
    });
    expect(set.resume()).toBeUndefined();
  });
});
