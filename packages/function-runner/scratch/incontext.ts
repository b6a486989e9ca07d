// Where do the ~100 µs of `start` go? Compare a raw export with the convex library's.
import { IsolateSlot } from '../src/isolates/isolate-slot.ts';
import { PreparedContext } from '../src/isolates/prepared-context.ts';
import { ModuleSet } from '../src/modules/module-set.ts';
import { bundleSources } from '../test/support/bundle-sources.ts';
import { percentiles } from '../bench/stats.ts';

const bundled = await bundleSources({ 'bench.ts': `import { queryGeneric as query } from 'convex/server';\nexport const trivial = query({ args: {}, handler: async () => 1 });` });
const raw = { path: 'raw.js', environment: 'isolate' as const, source: `export const trivial = { isQuery: true, invokeQuery: async (a) => { JSON.parse(a); return '1'; } };` };
const modules = new ModuleSet([...bundled, raw]);
const shared = { modules, contextConfigJson: JSON.stringify({ importSeed: [1, 2, 3, 4], importNowMs: 0, env: {} }), configVersion: 1, hotModules: new Set<string>(), memoryLimitMb: 64, setupTimeoutMs: 2000, importTimeoutMs: 4000, readyContexts: 0 };
const slot = new IsolateSlot(shared);
const req = (path: string) => JSON.stringify({ udfType: 'query', modulePath: path, exportName: 'trivial', args: '[{}]', requestId: 'r', seed: [1, 2, 3, 4], nowMs: 1 });
for (const path of ['raw.js', 'bench.js']) {
  for (const warm of [false, true]) {
    const start: number[] = [], poll: number[] = [], pre: number[] = [];
    for (let i = 0; i < 300; i++) {
      const ctx = await PreparedContext.create(slot);
      await ctx.preload(path, 4000);
      if (warm) await ctx.warmUp(1000);
      ctx.host.attach({ syscall: () => '0null', log: () => {} });
      const ns = ctx.namespaceOf(path, 1000);
      let t0 = performance.now();
      if (process.argv[2] === 'prepoll') ctx.poll(1000);
      pre.push((performance.now() - t0) * 1000);
      let t = performance.now();
      ctx.start(req(path), ns, 1000);
      start.push((performance.now() - t) * 1000);
      t = performance.now();
      const s = ctx.poll(1000);
      poll.push((performance.now() - t) * 1000);
      if (s !== 'D1') throw new Error(s);
      ctx.dispose();
    }
    console.log(path, warm ? 'warmUp' : 'no warmUp', 'start', percentiles(start.slice(50)), 'poll', percentiles(poll.slice(50)), 'pre', percentiles(pre.slice(50)));
  }
}
