import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { rawApp } from './support/raw-app.ts';
import { errorOf, TestBackend, valueOf } from './support/test-backend.ts';

const MODULE = `
import { query, mutation, action } from './lib.js';
const importRandom = Math.random();
const importNow = Date.now();
export const clock = query(async () => {
  const first = Date.now();
  for (let i = 0, x = 0; i < 2e5; i++) x += i;
  return { first, second: Date.now(), viaDate: new Date().getTime(), asString: Date() === new Date(first).toString(), perf: performance.now() };
});
export const randomness = query(async () => ({
  random: Math.random(),
  uuid: crypto.randomUUID(),
  bytes: Array.from(crypto.getRandomValues(new Uint8Array(4))),
  importRandom,
  importNow,
}));
export const actionClock = action(async () => { const a = Date.now(); await new Promise((r) => setTimeout(r, 20)); return Date.now() - a; });
export const timerInQuery = query(async () => { try { setTimeout(() => {}, 1); return 'scheduled'; } catch (e) { return 'caught: ' + e.message; } });
export const fetchInMutation = mutation(async () => { try { await fetch('https://example.com'); return 'fetched'; } catch (e) { return e.constructor.name + ': ' + e.message; } });
export const subtleInQuery = query(async () => {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode('a')));
  let generate;
  try { await crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, false, ['sign']); generate = 'generated'; } catch (e) { generate = e.name + ': ' + e.message; }
  return { digest: digest[0], generate };
});
`;

let backend: TestBackend;
beforeAll(async () => {
  backend = await TestBackend.start({ modules: rawApp({ 'det.js': MODULE }) });
});
afterAll(async () => {
  await backend[Symbol.asyncDispose]();
});

describe('queries and mutations are deterministic', () => {
  test('the clock is frozen for the whole execution', async () => {
    const result = valueOf(await backend.query('det:clock')) as { first: number; second: number; viaDate: number; asString: boolean; perf: number };
    expect(result.second).toBe(result.first);
    expect(result.viaDate).toBe(result.first);
    expect(result.asString).toBe(true);
    expect(result.perf).toBe(0);
    expect(Math.abs(result.first - Date.now())).toBeLessThan(5_000);
  });

  test('randomness is a seeded stream; module import uses the push seed', async () => {
    const a = valueOf(await backend.query('det:randomness')) as Record<string, unknown>;
    const b = valueOf(await backend.query('det:randomness')) as Record<string, unknown>;
    expect(a['uuid']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a['random']).not.toBe(b['random']);
    expect([a['importRandom'], a['importNow']]).toEqual([b['importRandom'], b['importNow']]);
    expect(a['importNow']).toBe(backend.analysis.udfConfig.importPhaseUnixTimestampMs);
  });

  test('timers fail the function with an error it cannot catch', async () => {
    expect(errorOf(await backend.query('det:timerInQuery'))).toBe(
      "Can't use setTimeout in queries and mutations. Please consider using an action. See https://docs.convex.dev/functions/actions for more details.",
    );
  });

  test('fetch rejects with Convex\'s error', async () => {
    expect(valueOf(await backend.mutation('det:fetchInMutation'))).toBe(
      "TypeError: Can't use fetch() in queries and mutations. Please consider using an action. See https://docs.convex.dev/functions/actions for more details.",
    );
  });

  test('crypto.subtle works, except operations that need randomness', async () => {
    expect(valueOf(await backend.query('det:subtleInQuery'))).toEqual({
      digest: 0xca,
      generate:
        'NotSupportedError: crypto.subtle.generateKey with HMAC needs randomness, which queries and mutations cannot use. Please consider using an action.',
    });
  });

  test('actions see the real clock', async () => {
    expect(valueOf(await backend.action('det:actionClock'))).toBeGreaterThanOrEqual(19);
  });
});
