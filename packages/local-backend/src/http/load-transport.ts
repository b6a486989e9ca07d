import type * as Uws from 'uWebSockets.js';
import { nodeTransport } from './node-transport.ts';
import type { HttpTransport } from './transport.ts';
import { uwsTransport } from './uws-transport.ts';

/** Which edge to use: `auto` tries uWebSockets.js first. */
export type TransportChoice = 'auto' | 'uws' | 'node';

/**
 * Picks the HTTP edge. uWebSockets.js is an optional dependency whose Node 24 binaries need
 * glibc ≥ 2.38; where it does not load we fall back to `node:http` + `ws` and say so in one
 * line (through `log`).
 *
 * @example
 * const transport = await loadTransport('auto', console.log);
 */
export async function loadTransport(choice: TransportChoice, log: (line: string) => void): Promise<HttpTransport> {
  if (choice === 'node') return nodeTransport;
  try {
    const uws = (await import('uWebSockets.js')) as unknown as { default?: typeof Uws } & typeof Uws;
    const transport = uwsTransport(uws.default ?? uws);
    log('HTTP edge: uWebSockets.js');
    return transport;
  } catch (error) {
    if (choice === 'uws') throw new Error(`uWebSockets.js was requested but does not load here: ${firstLine(error)}`, { cause: error });
    log(`HTTP edge: node:http + ws (uWebSockets.js does not load here: ${firstLine(error)})`);
    return nodeTransport;
  }
}

/** The most telling line of a load failure (the glibc mismatch when there is one). */
function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const lines = message.split('\n').filter((line) => line.trim() !== '');
  return lines.find((line) => line.includes('GLIBC')) ?? lines[0] ?? message;
}
