// Our server library is bundled into user modules and runs inside isolates, where only the
// `Convex` global and Web APIs exist (compat spec §4.1). This bundles a small user module the way
// the CLI does (esbuild, platform "browser", ESM) and evaluates it in a fresh `vm` context that
// has nothing but a fake `Convex` global.
import { build, transform } from 'esbuild';
import path from 'node:path';
import vm from 'node:vm';
import { describe, expect, test } from 'vitest';
import { FakeConvexHost } from './test-support/fake-convex-host.ts';

const packageDir = path.resolve(import.meta.dirname, '../..');

const userModule = `
import { queryGeneric, mutationGeneric, actionGeneric, httpRouter, httpActionGeneric, cronJobs, defineSchema, defineTable, anyApi } from '@selfhost/client/server';
import { v, ConvexError } from '@selfhost/client/values';

export const list = queryGeneric({
  args: { channel: v.string() },
  handler: async (ctx, { channel }) =>
    await ctx.db.query('messages').withIndex('by_channel', (q) => q.eq('channel', channel)).order('desc').take(2),
});

export const send = mutationGeneric({
  args: { body: v.string(), n: v.int64() },
  handler: async (ctx, { body, n }) => {
    if (body === '') throw new ConvexError({ reason: 'empty', n });
    return await ctx.db.insert('messages', { body, n });
  },
});

export const relay = actionGeneric(async (ctx) => await ctx.runQuery(anyApi.messages.list, { channel: 'general' }));

export const schema = defineSchema({ messages: defineTable({ body: v.string() }).index('by_body', ['body']) });

const crons = cronJobs();
crons.daily('digest', { hourUTC: 8 }, anyApi.digest.send);
export { crons };

export const http = httpRouter();
http.route({ path: '/hi', method: 'GET', handler: httpActionGeneric(async () => new Response('hi')) });
`;

async function bundleUserModule() {
  const result = await build({
    stdin: {
      contents: userModule,
      resolveDir: packageDir,
      sourcefile: 'messages.ts',
      loader: 'ts',
    },
    bundle: true,
    write: false,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    conditions: ['@selfhost/source'],
    metafile: true,
    logLevel: 'silent',
  });
  const [output] = result.outputFiles;
  if (output === undefined) throw new Error('esbuild produced no output');
  return { code: output.text, metafile: result.metafile };
}

interface Exports {
  list: { invokeQuery(args: string): Promise<string> };
  send: { invokeMutation(args: string): Promise<string>; exportArgs(): string };
  relay: { invokeAction(requestId: string, args: string): Promise<string> };
  schema: { export(): string };
  crons: { export(): string };
  http: { getRoutes(): unknown[] };
}

/**
 * Evaluates the ESM bundle (turned into a script by esbuild's transform, which only rewrites the
 * export statement) in a context holding the fake `Convex` global and nothing else but
 * TextEncoder/TextDecoder: @selfhost/values creates those at import time, and every isolate has
 * them (compat spec §4.2).
 */
async function evaluateInBareContext(code: string, host: FakeConvexHost): Promise<Exports> {
  const script = await transform(code, { format: 'cjs', loader: 'js' });
  const module = { exports: {} as Record<string, unknown> };
  const context = vm.createContext({
    Convex: host.global(),
    TextEncoder,
    TextDecoder,
    module,
    exports: module.exports,
  });
  vm.runInContext(script.code, context, { filename: 'bundle.js' });
  return module.exports as unknown as Exports;
}

describe('bundling a user module with esbuild', () => {
  test('imports nothing from Node and nothing outside the bundle', async () => {
    const { code, metafile } = await bundleUserModule();
    const outputs = Object.values(metafile.outputs);
    expect(outputs.flatMap((output) => output.imports)).toEqual([]);
    expect(code).not.toMatch(/\bfrom\s*["']node:|\brequire\(|import\(["']node:/);
    expect(
      Object.keys(metafile.inputs).filter((input) => input.includes('node_modules/convex')),
    ).toEqual([]);
    expect(Object.keys(metafile.inputs).some((input) => input.includes('values/src/'))).toBe(true);
  });

  test('the bundle evaluates and runs with only a Convex global', async () => {
    const host = new FakeConvexHost();
    const { code } = await bundleUserModule();
    const exports = await evaluateInBareContext(code, host);
    expect(host.calls).toEqual([]);

    expect(JSON.parse(await exports.list.invokeQuery('[{"channel":"general"}]'))).toEqual([
      { _id: 'messages|3', _creationTime: 3000.5, channel: 'random', body: 'hi', likes: 0 },
      { _id: 'messages|2', _creationTime: 2000.5, channel: 'general', body: 'world', likes: 5 },
    ]);
    expect(host.calls.map((call) => call.op)).toEqual([
      '1.0/queryStream',
      '1.0/queryStreamNext',
      '1.0/queryStreamNext',
      '1.0/queryStreamNext',
      '1.0/queryCleanup',
    ]);
    expect(host.calls[0]?.args).toBe(
      '{"query":{"source":{"type":"IndexRange","indexName":"messages.by_channel","range":[{"type":"Eq","fieldPath":"channel","value":"general"}],"order":"desc"},"operators":[{"limit":2}]},"version":"1.48.0"}',
    );

    expect(
      await exports.send.invokeMutation('[{"body":"x","n":{"$integer":"AgAAAAAAAAA="}}]'),
    ).toBe('"messages|100"');
    const rejection = (await exports.send
      .invokeMutation('[{"body":"","n":{"$integer":"AgAAAAAAAAA="}}]')
      .catch((error: unknown) => error)) as {
      data: unknown;
      ConvexErrorSymbol: unknown;
    };
    expect(rejection.data).toBe('{"n":{"$integer":"AgAAAAAAAAA="},"reason":"empty"}');
    expect(rejection.ConvexErrorSymbol).toBe(Symbol.for('ConvexError'));

    expect(JSON.parse(await exports.relay.invokeAction('req-1', '[{}]'))).toEqual({
      echo: { channel: 'general' },
      n: { $integer: 'BwAAAAAAAAA=' },
    });
    expect(exports.send.exportArgs()).toBe(
      '{"type":"object","value":{"body":{"fieldType":{"type":"string"},"optional":false},"n":{"fieldType":{"type":"bigint"},"optional":false}}}',
    );
    expect(JSON.parse(exports.schema.export())).toMatchObject({
      tables: [{ tableName: 'messages' }],
      schemaValidation: true,
    });
    expect(JSON.parse(exports.crons.export())).toEqual({
      digest: { name: 'digest:send', args: [{}], schedule: { hourUTC: 8, type: 'daily' } },
    });
    expect(exports.http.getRoutes()).toHaveLength(1);
  });
});
