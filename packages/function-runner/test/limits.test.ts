import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { formatLogLine } from '../src/logs/log-line.ts';
import { rawApp } from './support/raw-app.ts';
import { errorOf, TestBackend, valueOf } from './support/test-backend.ts';

const MODULE = `
import { query, mutation, action, syscall } from './lib.js';
export const ok = query(async () => 'fine');
export const spin = query(async () => { for (;;) {} });
export const spinAfterAwait = mutation(async () => { await Promise.resolve(); for (;;) {} });
export const hog = query(async () => { const keep = []; for (let i = 0; ; i++) keep.push(new Array(4e6).fill(i + 0.5)); });
export const bigBuffer = query(async () => { try { new ArrayBuffer(200 * 1024 * 1024); return 'allocated'; } catch (e) { return e.name + ': ' + e.message; } });
export const hugeString = query(async () => { let s = 'x'; for (;;) s += s; });
export const slowAction = action(async () => { await new Promise((r) => setTimeout(r, 10_000)); return 'late'; });
export const chatty = query(async () => { for (let i = 0; i < 300; i++) console.log(i); console.log('x'.repeat(40_000)); return null; });
export const longLine = query(async () => { console.log('y'.repeat(40_000)); return null; });
export const recurse = query(async (args) => {
  if (args.depth >= 20) return args.depth;
  return await syscall('1.0/runUdf', { udfType: 'query', name: 'limits:recurse', args: { depth: args.depth + 1 } });
});
`;

let backend: TestBackend;

beforeAll(async () => {
  backend = await TestBackend.start({
    modules: rawApp({ 'limits.js': MODULE }),
    runner: { limits: { mutationTimeoutMs: 300, actionTimeoutMs: 400 }, pool: { minIsolates: 1, maxIsolates: 2 } },
  });
});

afterAll(async () => {
  await backend[Symbol.asyncDispose]();
});

describe('time limits', () => {
  test('an infinite loop stops at the user-time limit and the next call works', async () => {
    expect(errorOf(await backend.query('limits:spin'))).toBe('Function execution timed out (maximum duration: 1s)');
    expect(errorOf(await backend.mutation('limits:spinAfterAwait'))).toBe('Function execution timed out (maximum duration: 300ms)');
    expect(valueOf(await backend.query('limits:ok'))).toBe('fine');
  });

  test('an action stops at its wall-time limit', async () => {
    expect(errorOf(await backend.action('limits:slowAction'))).toBe('Function execution timed out (maximum duration: 400ms)');
    expect(valueOf(await backend.query('limits:ok'))).toBe('fine');
  });
});

describe('memory limits', () => {
  test('a heap that grows past the limit stops the function and the isolate is replaced', async () => {
    expect(errorOf(await backend.query('limits:hog'))).toBe('JavaScript execution ran out of memory (maximum memory usage: 64 MB)');
    expect(valueOf(await backend.query('limits:ok'))).toBe('fine');
  });

  test('a 200 MiB buffer is refused inside the function', async () => {
    expect(valueOf(await backend.query('limits:bigBuffer'))).toBe('RangeError: Array buffer allocation failed');
    expect(errorOf(await backend.query('limits:hugeString'))).toMatch(/^(Uncaught RangeError: Invalid string length|JavaScript execution ran out of memory)/);
    expect(valueOf(await backend.query('limits:ok'))).toBe('fine');
  });
});

describe('log limits', () => {
  test('keep 255 lines and an overflow notice', async () => {
    const { logLines } = await backend.query('limits:chatty');
    expect(logLines).toHaveLength(256);
    expect(formatLogLine(logLines[254]!)).toBe('[LOG] 254');
    expect(formatLogLine(logLines[255]!)).toBe('[ERROR] Log overflow (maximum 256). Remaining log lines omitted.');
  });

  test('cut lines longer than 32,768 characters', async () => {
    const [line] = (await backend.query('limits:longLine')).logLines;
    expect(line?.isTruncated).toBe(true);
    expect(line?.messages[0]).toHaveLength(32_768 + ' (truncated due to length)'.length);
    expect(line?.messages[0]?.endsWith("yyy (truncated due to length)")).toBe(true);
  });
});

describe('nested calls', () => {
  test('are limited to a depth of 8', async () => {
    expect(errorOf(await backend.query('limits:recurse', { depth: 0 }))).toMatch(
      /^Uncaught Error: Nested function calls are limited to a depth of 8 \(MaximumCallDepthExceeded\)/,
    );
    expect(valueOf(await backend.query('limits:recurse', { depth: 14 }))).toBe(20);
  });
});
