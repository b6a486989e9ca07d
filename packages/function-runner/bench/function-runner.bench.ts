// pnpm bench: what a function call costs on the runner, beside the same JavaScript called
// directly in this Node process (and raw isolated-vm), measured in the same run.
import vm from 'node:vm';
import ivm from 'isolated-vm';
import { SETUP_ARGUMENT_GLOBALS, udfRuntimeBundle } from '@selfhost/udf-runtime';
import { createUdfTransaction } from '../src/database/database-udf-transaction.ts';
import { IsolateSlot } from '../src/isolates/isolate-slot.ts';
import { PreparedContext } from '../src/isolates/prepared-context.ts';
import { ModuleSet } from '../src/modules/module-set.ts';
import { bundleSources } from '../test/support/bundle-sources.ts';
import { TestBackend } from '../test/support/test-backend.ts';
import { importDirectly, invokeQueryOf, serveDirectly } from './direct-node.ts';
import { percentiles, row, timeCalls } from './stats.ts';

const APP = `
import { defineSchema, defineTable, queryGeneric as query, mutationGeneric as mutation } from 'convex/server';
import { v } from 'convex/values';
export const trivial = query({ args: {}, handler: async () => 1 });
// A new global each time: its context is never kept, so every call gets a fresh one.
export const trivialFresh = query({ args: {}, handler: async () => { globalThis['calls' + Math.random()] = 1; return 1; } });
export const readMany = query({ args: {}, handler: async (ctx) => (await ctx.db.query('docs').take(1000)).length });
export const asyncSyscalls = query({ args: {}, handler: async (ctx) => { for (let i = 0; i < 100; i++) await ctx.auth.getUserIdentity(); return 100; } });
export const syncSyscalls = query({ args: {}, handler: async (ctx) => { for (let i = 0; i < 100; i++) ctx.db.normalizeId('docs', 'x'); return 100; } });
export const fill = mutation({ args: { n: v.number() }, handler: async (ctx, args) => { for (let i = 0; i < args.n; i++) await ctx.db.insert('docs', { i, text: 'document number ' + i }); } });
`;

const modules = await bundleSources({ 'bench.ts': APP });
await using backend = await TestBackend.start({ modules });
await backend.mutation('bench:fill', { n: 1000 });
const namespace = await importDirectly(modules, 'bench.js');
const lines: string[] = [];
const print = (line: string): void => {
  lines.push(line);
  console.log(line);
};

async function inNode(name: string, n: number): Promise<{ p50: number; p99: number }> {
  const invoke = invokeQueryOf(namespace, name);
  return percentiles(
    await timeCalls(n, async () => {
      const tx = backend.db.begin({ readOnly: true });
      serveDirectly(createUdfTransaction(tx));
      await invoke('[{}]');
      tx.abort();
    }),
  );
}

async function onRunner(name: string, n: number, pauseMs?: number): Promise<number[]> {
  return await timeCalls(
    n,
    async () => {
      const result = await backend.query(`bench:${name}`);
      if (result.outcome.status !== 'success') throw new Error(result.outcome.errorMessage);
    },
    pauseMs === undefined ? {} : { pauseMs },
  );
}

console.log(`node ${process.version}, isolated-vm 7.0.1, ${modules.length} modules (${Math.round(modules.reduce((s, m) => s + m.source.length, 0) / 1024)} KiB)\n`);

// Raw building blocks.
{
  const isolate = new ivm.Isolate({ memoryLimit: 64 });
  const context = isolate.createContextSync();
  const echo = context.evalSync('(json) => JSON.stringify(JSON.parse(json))', { reference: true } as never) as unknown as ivm.Reference<(json: string) => string>;
  const payload = JSON.stringify({ path: 'messages:list', args: [{ channel: 'general', n: 1 }], fmt: 'convex_encoded_json' });
  const raw = percentiles(await timeCalls(20_000, () => echo.applySync(undefined, [payload])));
  print(row('raw isolated-vm applySync, ~100 B JSON in+out', raw));
  isolate.dispose();
}

// Creation costs.
const shared0Config = JSON.stringify({ importSeed: [1, 2, 3, 4], importNowMs: 0, env: {} });
{
  const shared = { modules: new ModuleSet(modules), contextConfigJson: JSON.stringify({ importSeed: [1, 2, 3, 4], importNowMs: 0, env: {} }), configVersion: 1, hotModules: new Set<string>(), importGraphs: new Map(), memoryLimitMb: 64, setupTimeoutMs: 2000, importTimeoutMs: 4000, readyContexts: 0 };
  const isolateUs: number[] = [];
  const contextUs: number[] = [];
  const importUs: number[] = [];
  for (let i = 0; i < 30; i++) {
    let started = performance.now();
    const slot = new IsolateSlot(shared);
    isolateUs.push((performance.now() - started) * 1000);
    for (let j = 0; j < 10; j++) {
      started = performance.now();
      const context = PreparedContext.createSync(slot);
      contextUs.push((performance.now() - started) * 1000);
      started = performance.now();
      context.namespaceOf('bench.js', 4000).release();
      importUs.push((performance.now() - started) * 1000);
      context.dispose();
    }
    slot.dispose();
  }
  const source = udfRuntimeBundle().source;
  const script = new vm.Script(source);
  const nodeContext = percentiles(
    await timeCalls(200, () => {
      script.runInContext(vm.createContext(nodeSetupGlobals()));
    }),
  );
  const rawIsolate = percentiles(
    await timeCalls(30, () => {
      new ivm.Isolate({ memoryLimit: 64 }).dispose();
    }),
  );
  print(row('isolate: new + compile runtime', percentiles(isolateUs), { stats: rawIsolate, label: 'raw new Isolate' }));
  print(row('context: create + runtime set-up', percentiles(contextUs), { stats: nodeContext, label: 'node:vm context + runtime' }));
  print(row('context: import the bench module (convex lib)', percentiles(importUs)));
}

// Calls.
const nodeTrivial = await inNode('trivial', 2000);
print(row('trivial query, warm: kept context (2 ms apart)', percentiles(await onRunner('trivial', 500, 2)), { stats: nodeTrivial }));
print(row('trivial query, fresh context (2 ms apart)', percentiles(await onRunner('trivialFresh', 500, 2)), { stats: nodeTrivial }));
const sustained = await onRunner('trivial', 2000);
const sustainedStats = percentiles(sustained);
print(row('trivial query, back to back', sustainedStats, { stats: nodeTrivial }));
print(`${''.padEnd(46)} back-to-back throughput: ${Math.round(1e6 / (sustained.reduce((a, b) => a + b, 0) / sustained.length))} queries/s`);
print(row('100 async syscalls (getUserIdentity), per call', scale(percentiles(await onRunner('asyncSyscalls', 200, 2)), 100), { stats: scale(await inNode('asyncSyscalls', 200), 100) }));
print(row('100 sync syscalls (normalizeId), per call', scale(percentiles(await onRunner('syncSyscalls', 200, 2)), 100), { stats: scale(await inNode('syncSyscalls', 200), 100) }));
print(row('query reading 1,000 documents', percentiles(await onRunner('readMany', 100, 2)), { stats: await inNode('readMany', 100) }));

/** What the host leaves on a fresh context for the runtime's set-up (no-op callbacks here). */
function nodeSetupGlobals(): Record<string, unknown> {
  const noop = (): undefined => undefined;
  const { config, ...callbacks } = SETUP_ARGUMENT_GLOBALS;
  const globals: Record<string, unknown> = { [config]: shared0Config };
  for (const name of Object.values(callbacks)) globals[name] = noop;
  return globals;
}

function scale(stats: { p50: number; p99: number }, by: number): { p50: number; p99: number } {
  return { p50: stats.p50 / by, p99: stats.p99 / by };
}
