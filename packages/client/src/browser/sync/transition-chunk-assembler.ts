import {
  parseServerMessage,
  type TransitionChunkMessage,
  type TransitionMessage,
} from '@selfhost/protocol';

/**
 * Joins the `TransitionChunk` parts of one large Transition (spec §3.3). Parts must arrive in
 * order, with one `transitionId` and `totalParts`; anything else throws and drops the buffer.
 *
 * @example
 * ```ts
 * const assembler = new TransitionChunkAssembler();
 * const transition = assembler.add(chunk); // null until the last part
 * ```
 */
export class TransitionChunkAssembler {
  #buffer: { chunks: string[]; totalParts: number; transitionId: string } | null = null;

  /** Adds a part; returns the whole Transition once the last part is in. */
  add(chunk: TransitionChunkMessage): TransitionMessage | null {
    const buffer = this.#buffer;
    if (
      chunk.totalParts === 0 ||
      chunk.partNumber >= chunk.totalParts ||
      (buffer !== null &&
        (buffer.totalParts !== chunk.totalParts || buffer.transitionId !== chunk.transitionId))
    ) {
      this.#buffer = null;
      throw new Error('Invalid TransitionChunk');
    }
    const current = buffer ?? {
      chunks: [],
      totalParts: chunk.totalParts,
      transitionId: chunk.transitionId,
    };
    if (chunk.partNumber !== current.chunks.length) {
      this.#buffer = null;
      throw new Error(
        `TransitionChunk received out of order: expected part ${current.chunks.length}, got ${chunk.partNumber}`,
      );
    }
    current.chunks.push(chunk.chunk);
    if (current.chunks.length < current.totalParts) {
      this.#buffer = current;
      return null;
    }
    this.#buffer = null;
    const message = parseServerMessage(current.chunks.join(''));
    if (message.type !== 'Transition')
      throw new Error(`Expected Transition, got ${message.type} after assembling chunks`);
    return message;
  }

  /** Whether parts of an unfinished Transition are buffered. */
  get isBuffering(): boolean {
    return this.#buffer !== null;
  }

  /** Drops any partial Transition (on close or an unexpected message). */
  reset(): void {
    this.#buffer = null;
  }
}
