/**
 * Results of host operations travel back into the isolate as one string of
 * `<id>:<flag>:<length>:<text>` records, so the isolate slices out each result's JSON text
 * without parsing the batch (the Convex library parses each result itself). Flag `0` means
 * success (text = result JSON), `1` failure (text = JSON of a `HostErrorPayload`).
 *
 * @example
 * ```ts
 * encodeOpResult(3, true, 'null'); // '3:0:4:null'
 * ```
 */
export function encodeOpResult(id: number, ok: boolean, text: string): string {
  return `${id}:${ok ? 0 : 1}:${text.length}:${text}`;
}

/**
 * One decoded record of an op-results string.
 *
 * @example
 * ```ts
 * const result: OpResult = { id: 3, ok: true, text: 'null' };
 * ```
 */
export interface OpResult {
  readonly id: number;
  readonly ok: boolean;
  readonly text: string;
}

/**
 * Splits an op-results string into its records.
 *
 * @example
 * ```ts
 * decodeOpResults('3:0:4:null'); // [{ id: 3, ok: true, text: 'null' }]
 * ```
 */
export function decodeOpResults(encoded: string): OpResult[] {
  const results: OpResult[] = [];
  let at = 0;
  while (at < encoded.length) {
    const idEnd = encoded.indexOf(':', at);
    const flagEnd = encoded.indexOf(':', idEnd + 1);
    const lengthEnd = encoded.indexOf(':', flagEnd + 1);
    if (idEnd < 0 || flagEnd < 0 || lengthEnd < 0) throw new Error('Malformed op results');
    const id = Number(encoded.slice(at, idEnd));
    const ok = encoded.slice(idEnd + 1, flagEnd) === '0';
    const length = Number(encoded.slice(flagEnd + 1, lengthEnd));
    const text = encoded.slice(lengthEnd + 1, lengthEnd + 1 + length);
    results.push({ id, ok, text });
    at = lengthEnd + 1 + length;
  }
  return results;
}
