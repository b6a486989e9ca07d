import ivm from 'isolated-vm';
import { percentiles } from '../bench/stats.ts';
const isolate = new ivm.Isolate({ memoryLimit: 64 });
const script = isolate.compileScriptSync(`globalThis.f = (m, a) => { if (m === 'x') { const o = JSON.parse(a); return o.udfType + o.seed.length; } return 'P'; }`);
const rows: Record<string, number[]> = { first: [], second: [], third: [], create: [], firstSync: [] };
const payload = JSON.stringify({ udfType: 'query', modulePath: 'a.js', exportName: 'trivial', args: '[{}]', requestId: 'r', seed: [1, 2, 3, 4], nowMs: 1 });
for (let i = 0; i < 400; i++) {
  const sync = i % 2 === 0;
  let t = performance.now();
  const ctx = sync ? isolate.createContextSync() : await isolate.createContext();
  if (sync) script.runSync(ctx); else await script.run(ctx);
  const f = sync ? ctx.global.getSync('f', { reference: true }) : await ctx.global.get('f', { reference: true });
  rows.create!.push((performance.now() - t) * 1000);
  t = performance.now();
  f.applySync(undefined, ['x', payload]);
  (sync ? rows.firstSync! : rows.first!).push((performance.now() - t) * 1000);
  t = performance.now();
  f.applySync(undefined, ['x', payload]);
  rows.second!.push((performance.now() - t) * 1000);
  t = performance.now();
  f.applySync(undefined, ['y', payload]);
  rows.third!.push((performance.now() - t) * 1000);
  f.release();
  ctx.release();
}
for (const [k, v] of Object.entries(rows)) console.log(k, percentiles(v.slice(20)));
