import { type TransitionChunkMessage } from './transition-chunk-message.ts';

/**
 * Splits an encoded Transition (the text `encodeServerMessage` returned) into `TransitionChunk`
 * messages of at most `maxChunkLength` UTF-16 code units each, never cutting a surrogate pair
 * (a lone surrogate would not survive UTF-8). Send the parts in order with nothing in between,
 * and only to npm clients ≥ 1.28.0 (see `supportsTransitionChunks`); the reference splits
 * Transitions over about 5,000,000 bytes.
 *
 * @example
 * ```ts
 * const text = encodeServerMessage(transition);
 * const frames = text.length > 5_000_000
 *   ? splitTransition(text, { maxChunkLength: 1_000_000, transitionId: crypto.randomUUID() }).map(encodeServerMessage)
 *   : [text];
 * ```
 */
export function splitTransition(
  encodedTransition: string,
  options: { readonly maxChunkLength: number; readonly transitionId: string },
): TransitionChunkMessage[] {
  const { maxChunkLength, transitionId } = options;
  if (!Number.isSafeInteger(maxChunkLength) || maxChunkLength < 2) {
    throw new RangeError(`maxChunkLength must be an integer ≥ 2, got ${maxChunkLength}`);
  }
  const chunks: string[] = [];
  let start = 0;
  while (start < encodedTransition.length) {
    let end = Math.min(start + maxChunkLength, encodedTransition.length);
    if (end < encodedTransition.length && isHighSurrogate(encodedTransition.charCodeAt(end - 1)))
      end -= 1;
    chunks.push(encodedTransition.slice(start, end));
    start = end;
  }
  return chunks.map((chunk, partNumber) => ({
    type: 'TransitionChunk',
    chunk,
    partNumber,
    totalParts: chunks.length,
    transitionId,
  }));
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
