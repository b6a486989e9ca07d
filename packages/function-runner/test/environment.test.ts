import { describe, expect, test } from 'vitest';
import { rawApp } from './support/raw-app.ts';
import { TestBackend, valueOf } from './support/test-backend.ts';

const MODULE = `
import { query, action, mutation, syscall } from './lib.js';
const atImport = process.env.GREETING ?? null;
export const read = query(async () => ({ now: process.env.GREETING ?? null, atImport, missing: process.env.MISSING ?? null }));
export const schedule = mutation(async () => { try { await syscall('1.0/schedule', { name: 'env:read', ts: 0, args: {} }); return 'scheduled'; } catch (e) { return e.message; } });
export const vector = action(async () => { try { await syscall('1.0/actions/vectorSearch', { query: {} }); return 'searched'; } catch (e) { return e.message; } });
export const storage = action(async () => { try { await Convex.jsSyscall('storage/storeBlob', { blob: new Blob(['x']) }); return 'stored'; } catch (e) { return e.message; } });
`;

describe('environment variables', () => {
  test('are process.env, at import and while running, and follow updates', async () => {
    await using backend = await TestBackend.start({ modules: rawApp({ 'env.js': MODULE }), environmentVariables: { GREETING: 'hello' } });
    expect(valueOf(await backend.query('env:read'))).toEqual({ now: 'hello', atImport: 'hello', missing: null });
    backend.deployment.setEnvironmentVariables({ GREETING: 'bonjour' });
    for (let i = 0; i < 4; i++) expect(valueOf(await backend.query('env:read'))).toEqual({ now: 'bonjour', atImport: 'bonjour', missing: null });
  });
});

describe('subsystems that are not built', () => {
  test('say so instead of faking a result', async () => {
    await using backend = await TestBackend.start({ modules: rawApp({ 'env.js': MODULE }) });
    expect(valueOf(await backend.action('env:storage'))).toBe('File storage (ctx.storage.store) is not available yet on this backend: that subsystem is not built.');
    expect(valueOf(await backend.mutation('env:schedule'))).toBe('The scheduler (ctx.scheduler) is not available yet on this backend: that subsystem is not built.');
    expect(valueOf(await backend.action('env:vector'))).toBe('Vector search (ctx.vectorSearch) is not available yet on this backend: that subsystem is not built.');
  });
});
