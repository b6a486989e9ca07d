import { decodeOpResults, encodeOpResult } from '../../bridge/op-results.ts';
import { formatConsoleArgs } from '../../shared/inspect.ts';
import { RandomStream } from '../determinism/random-stream.ts';
import { serializeThrown } from '../errors/serialize-thrown.ts';
import { OpQueue } from './op-queue.ts';

/**
 * Runs the runtime's own hot paths once, with throwaway state, so the first real execution
 * in this context does not pay V8's first-use costs (fresh closures start with empty inline
 * caches in every context). Touches no user code and no execution state. The host calls it
 * while preparing a context ahead of requests.
 *
 * @example
 * ```ts
 * await warmUp();
 * ```
 * @internal
 */
export async function warmUp(): Promise<void> {
  const request = JSON.parse(
    '{"udfType":"query","modulePath":"a.js","exportName":"f","args":"[{}]","requestId":"r","seed":[1,2,3,4],"nowMs":1}',
  ) as { seed: number[] };
  const stream = new RandomStream(request.seed);
  stream.nextFloat();
  stream.fillBytes(new Uint8Array(4));
  const queue = new OpQueue();
  const pending = queue.start('1.0/get', '{"id":"x"}');
  queue.takeFresh();
  queue.settle(encodeOpResult(1, true, 'null'));
  decodeOpResults(encodeOpResult(2, false, '{"message":"x"}'));
  await pending;
  await (async () => {
    await Promise.resolve();
  })();
  JSON.stringify({ a: [1, 'b', null], c: { d: true } });
  formatConsoleArgs(['warm', 1, { a: [1] }]);
  serializeThrown(new Error('warm'));
  serializeThrown('warm');
}
