import ivm from 'isolated-vm';
import { IsolateSlot } from '../src/isolates/isolate-slot.ts';
import { PreparedContext } from '../src/isolates/prepared-context.ts';
import { ModuleSet } from '../src/modules/module-set.ts';
import { bundleSources } from '../test/support/bundle-sources.ts';

const bundled = await bundleSources({ 'bench.ts': `import { queryGeneric as query } from 'convex/server';\nexport const trivial = query({ args: {}, handler: async () => 1 });` });
const modules = new ModuleSet(bundled);
const shared = { modules, contextConfigJson: JSON.stringify({ importSeed: [1, 2, 3, 4], importNowMs: 0, env: {} }), configVersion: 1, hotModules: new Set<string>(), memoryLimitMb: 128, setupTimeoutMs: 100000, importTimeoutMs: 4000, readyContexts: 0 };
const slot = new IsolateSlot(shared);
const req = JSON.stringify({ udfType: 'query', modulePath: 'bench.js', exportName: 'trivial', args: '[{}]', requestId: 'r', seed: [1, 2, 3, 4], nowMs: 1 });
const phase = process.argv[2] ?? 'prep';
const N = Number(process.argv[3] ?? 100);
const ready: PreparedContext[] = [];
if (phase === 'call') for (let i = 0; i < N; i++) { const c = PreparedContext.createSync(slot); c.namespaceOf('bench.js', 100000).release(); await c.warmUp(1000); ready.push(c); }
slot.isolate.startCpuProfiler('p');
for (let i = 0; i < N; i++) {
  if (phase === 'prep') {
    const c = PreparedContext.createSync(slot);
    c.namespaceOf('bench.js', 100000).release();
    c.dispose();
  } else {
    const c = ready[i]!;
    c.host.attach({ syscall: () => '0null', log: () => {} });
    c.start(req, c.namespaceOf('bench.js', 100000), 100000);
    if (c.poll(1000) !== 'D1') throw new Error('x');
    c.dispose();
  }
}
console.error('stopping'); const profiles = await slot.isolate.stopCpuProfiler('p');
const self = new Map<string, number>();
let total = 0;
for (const { profile } of profiles) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const counts = new Map<number, number>();
  profile.samples.forEach((id, i) => counts.set(id, (counts.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  for (const [id, us] of counts) {
    const n = byId.get(id)!;
    const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${(n.callFrame as any).lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + us);
    total += us;
  }
}
console.log('total µs per iteration', (total / N).toFixed(1));
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 45)) console.log((v / N).toFixed(2).padStart(8), k);
