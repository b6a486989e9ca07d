import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createUdfTransaction } from '../src/database/database-udf-transaction.ts';
import { bundleSources } from './support/bundle-sources.ts';
import { TestBackend, valueOf } from './support/test-backend.ts';

// Module state that derives from the database, and state that does not.
const APP = `
import { queryGeneric as query, mutationGeneric as mutation, actionGeneric as action } from 'convex/server';
import { v } from 'convex/values';
let cachedNotes = null;
let calls = 0;
export const notesSeenFirst = query({ args: {}, handler: async (ctx) => { cachedNotes ??= (await ctx.db.query('notes').collect()).length; return cachedNotes; } });
export const callCount = query({ args: {}, handler: async () => ++calls });
let lastCaller = null;
export const previousCaller = query({ args: {}, handler: async (ctx) => { const previous = lastCaller; lastCaller = (await ctx.auth.getUserIdentity())?.subject ?? 'anonymous'; return previous; } });
export const envAndCalls = query({ args: {}, handler: async () => process.env.GREETING + ' ' + ++calls });
export const actionCalls = action({ args: {}, handler: async () => ++calls });
export const addNote = mutation({ args: { body: v.string() }, handler: async (ctx, args) => { await ctx.db.insert('notes', args); } });
export const addOther = mutation({ args: {}, handler: async (ctx) => { await ctx.db.insert('others', {}); } });
let bumps = 0;
export const bump = mutation({ args: {}, handler: async () => ++bumps });
`;

let backend: TestBackend;

beforeAll(async () => {
  backend = await TestBackend.start({ modules: await bundleSources({ 'kept.ts': APP }) });
  await backend.mutation('kept:addNote', { body: 'first' });
});

afterAll(async () => {
  await backend[Symbol.asyncDispose]();
});

describe('contexts kept for a module’s next query or mutation', () => {
  test('state derived from reads is dropped with its context once a commit writes inside those reads', async () => {
    expect(valueOf(await backend.query('kept:notesSeenFirst'))).toBe(1);
    // A write elsewhere leaves the reads intact: the same context (and its cache) serves again.
    await backend.mutation('kept:addOther');
    expect(valueOf(await backend.query('kept:notesSeenFirst'))).toBe(1);
    // A write inside them: the kept context is not reused, the module starts afresh.
    await backend.mutation('kept:addNote', { body: 'second' });
    expect(valueOf(await backend.query('kept:notesSeenFirst'))).toBe(2);
  });

  test('state that derives from no read lives on, but never into an action or past new environment variables', async () => {
    backend.deployment.setEnvironmentVariables({ GREETING: 'hello' });
    const first = valueOf(await backend.query('kept:envAndCalls'));
    expect(first).toMatch(/^hello \d+$/);
    const calls = Number(String(first).split(' ')[1]);
    expect(valueOf(await backend.query('kept:callCount'))).toBe(calls + 1);
    // Actions always start from a fresh context.
    expect(valueOf(await backend.action('kept:actionCalls'))).toBe(1);
    backend.deployment.setEnvironmentVariables({ GREETING: 'bonjour' });
    expect(valueOf(await backend.query('kept:envAndCalls'))).toBe('bonjour 1');
  });

  test('a mutation’s context waits until its transaction ended, and keeps only what the function read', async () => {
    const run = async (tx: ReturnType<typeof backend.db.begin>) =>
      Number(valueOf(await backend.deployment.run({ udfType: 'mutation', path: 'kept:bump', args: {}, transaction: createUdfTransaction(tx) })));
    const first = backend.db.begin();
    const counted = await run(first);
    // While `first` has not committed, its commit could still write inside what it read: the
    // next execution takes a fresh context (where the module counts from 1 again).
    const second = backend.db.begin();
    expect(await run(second)).toBe(1);
    await first.commit();
    await second.commit();
    expect(counted).toBeGreaterThanOrEqual(1);

    // A caller's own reads before the function runs (here: every `others` row) are not the
    // function's: a later write there does not drop the context kept after it.
    const third = backend.db.begin();
    await third.query({ source: { type: 'FullTableScan', tableName: 'others', order: 'asc' }, operators: [] }).collect();
    expect(await run(third)).toBe(2);
    await third.commit();
    await backend.db.runMutation(async (tx) => {
      await tx.insert('others', {});
    });
    const fourth = backend.db.begin();
    expect(await run(fourth)).toBe(3);
    await fourth.commit();
  });

  test('a kept context serves only the caller it ran for: module state never reaches another user', async () => {
    const user = (subject: string) => ({ identity: { kind: 'user' as const, user: { tokenIdentifier: `test|${subject}`, subject, issuer: 'test' } } });
    expect(valueOf(await backend.query('kept:previousCaller', {}, user('ada')))).toBe(null);
    // Ada's next call runs in her kept context; Bob's never sees what Ada's calls left there.
    expect(valueOf(await backend.query('kept:previousCaller', {}, user('ada')))).toBe('ada');
    expect(valueOf(await backend.query('kept:previousCaller', {}, user('bob')))).toBe(null);
    expect(valueOf(await backend.query('kept:previousCaller'))).toBe(null);
    expect(valueOf(await backend.query('kept:previousCaller', {}, user('bob')))).toBe('bob');
  });
});
