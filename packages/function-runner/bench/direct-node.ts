// The baseline of the benchmarks: the same bundled JavaScript, imported into this Node
// process and called directly, with `globalThis.Convex` served by the same syscall handlers
// (no isolate, no boundary). Never do this with user code outside a benchmark.
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { decodeEnvelope } from '@selfhost/udf-runtime';
import type { UdfTransaction } from '../src/database/udf-transaction.ts';
import type { ExecutionEnv } from '../src/execution/execution-env.ts';
import { LogCollector, DEFAULT_LOG_LIMITS } from '../src/logs/log-collector.ts';
import { OpDispatcher } from '../src/execution/op-dispatcher.ts';
import type { ModuleConfig } from '../src/modules/module-config.ts';

type Invoke = (argsJson: string) => Promise<string>;

/** Writes the isolate modules to disk and imports one into this process. */
export async function importDirectly(modules: readonly ModuleConfig[], modulePath: string): Promise<Record<string, unknown>> {
  const root = path.join(tmpdir(), `selfhost-bench-${process.pid}`);
  for (const module of modules) {
    const file = path.join(root, ...module.path.split('/'));
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, module.source);
  }
  writeFileSync(path.join(root, 'package.json'), '{"type":"module"}');
  return (await import(pathToFileURL(path.join(root, modulePath)).href)) as Record<string, unknown>;
}

/** Points `globalThis.Convex` at the syscall handlers, for one transaction. */
export function serveDirectly(transaction: UdfTransaction): void {
  const env = {
    udfType: 'query',
    address: { modulePath: 'bench.js', exportName: 'x' },
    path: 'bench:x',
    identity: { kind: 'none' },
    requestId: 'bench',
    depth: 0,
    transaction,
    actionHost: undefined,
    logs: new LogCollector(DEFAULT_LOG_LIMITS),
    slot: null,
    nested: { maxCallDepth: 8, runNested: () => Promise.reject(new Error('no nesting in the baseline')) },
    queryStreams: new Map(),
    nextQueryId: 1,
    paginated: false,
    previousJournal: null,
    producedJournal: null,
    deploymentName: 'bench',
    services: { fetchPolicy: {}, cryptoKeys: new Map() },
  } satisfies ExecutionEnv;
  const dispatcher = new OpDispatcher(env);
  Object.defineProperty(globalThis, 'Convex', {
    configurable: true,
    value: {
      syscall: (op: string, args: string) => {
        const result = decodeEnvelope(dispatcher.syncSyscall(op, args));
        if (!result.ok) throw new Error(result.error.message);
        return result.json;
      },
      asyncSyscall: async (op: string, args: string) => {
        const { ok, text } = await dispatcher.performRaw(op, args);
        if (!ok) throw new Error(text);
        return text;
      },
      jsSyscall: () => undefined,
    },
  });
}

/** The `invokeQuery` of an export. */
export function invokeQueryOf(namespace: Record<string, unknown>, name: string): Invoke {
  const fn = namespace[name] as { invokeQuery: Invoke };
  return (argsJson) => fn.invokeQuery(argsJson);
}
