import { PreparedContext } from '../src/isolates/prepared-context.ts';
import { IsolateSlot } from '../src/isolates/isolate-slot.ts';
import { bundleSources } from '../test/support/bundle-sources.ts';
import { TestBackend } from '../test/support/test-backend.ts';
import { percentiles } from '../bench/stats.ts';

const APP = `
import { queryGeneric as query } from 'convex/server';
export const trivial = query({ args: {}, handler: async () => 1 });
`;
const modules = await bundleSources({ 'bench.ts': APP });
await using backend = await TestBackend.start({ modules });
const timings = new Map<string, number[]>();
function wrap(proto: any, name: string) {
  const orig = proto[name];
  proto[name] = function (this: unknown, ...args: unknown[]) {
    const t = performance.now();
    try { return orig.apply(this, args); } finally { const list = timings.get(name) ?? []; list.push((performance.now() - t) * 1000); timings.set(name, list); }
  };
}
for (const n of ['start', 'poll', 'dispose', 'namespaceOf']) wrap(PreparedContext.prototype, n);
wrap(IsolateSlot.prototype, 'takeContext');
const total: number[] = [];
const mode = process.argv[2] ?? 'pause';
for (let i = 0; i < Number(process.argv[3] ?? 600); i++) {
  if (mode === 'pause') await new Promise((r) => setTimeout(r, 3));
  const t = performance.now();
  const r = await backend.query('bench:trivial');
  total.push((performance.now() - t) * 1000);
  if (r.outcome.status !== 'success') throw new Error(r.outcome.errorMessage);
  if (i === 99) { timings.clear(); total.length = 0; }
}
console.log('total', percentiles(total));
for (const [k, v] of timings) console.log(k, percentiles(v), v.length);
