// Minimal WHATWG streams: enough for Request/Response bodies, `for await` over a body, and
// libraries that build pipelines (pipeTo / pipeThrough / TransformStream). No byte streams
// (BYOB readers) and no backpressure beyond "pull when a read is waiting".
import { defineGlobal } from '../define-global.ts';

type ReadResult<TChunk> = { done: false; value: TChunk } | { done: true; value: undefined };

interface UnderlyingSource<TChunk> {
  start?: (controller: ReadableStreamDefaultController<TChunk>) => unknown;
  pull?: (controller: ReadableStreamDefaultController<TChunk>) => unknown;
  cancel?: (reason: unknown) => unknown;
}

/**
 * The controller a readable stream's source writes to.
 *
 * @example
 * ```ts
 * new ReadableStream({ start(controller) { controller.enqueue('a'); controller.close(); } });
 * ```
 * @internal
 */
export class ReadableStreamDefaultController<TChunk> {
  readonly #stream: ReadableStream<TChunk>;
  constructor(stream: ReadableStream<TChunk>) {
    this.#stream = stream;
  }
  get desiredSize(): number {
    return this.#stream.queueLength === 0 ? 1 : 0;
  }
  enqueue(chunk: TChunk): void {
    this.#stream.pushChunk(chunk);
  }
  close(): void {
    this.#stream.closeStream();
  }
  error(reason: unknown): void {
    this.#stream.errorStream(reason);
  }
}

/**
 * `ReadableStream` (default readers only).
 *
 * @example
 * ```ts
 * for await (const chunk of ReadableStream.from(['a', 'b'])) console.log(chunk);
 * ```
 * @internal
 */
export class ReadableStream<TChunk = unknown> {
  readonly #queue: TChunk[] = [];
  readonly #reads: { resolve: (result: ReadResult<TChunk>) => void; reject: (reason: unknown) => void }[] = [];
  readonly #source: UnderlyingSource<TChunk>;
  readonly #controller: ReadableStreamDefaultController<TChunk>;
  #state: 'readable' | 'closed' | 'errored' = 'readable';
  #error: unknown = undefined;
  #started = false;
  #pulling = false;
  #reader: ReadableStreamDefaultReader<TChunk> | null = null;
  /** @internal Set when the body was consumed or disturbed. */
  disturbed = false;

  constructor(source: UnderlyingSource<TChunk> = {}) {
    this.#source = source;
    this.#controller = new ReadableStreamDefaultController(this);
    const started = source.start?.(this.#controller);
    void Promise.resolve(started).then(
      () => {
        this.#started = true;
        this.#maybePull();
      },
      (error: unknown) => this.errorStream(error),
    );
  }

  static from<TChunk>(iterable: Iterable<TChunk> | AsyncIterable<TChunk>): ReadableStream<TChunk> {
    const asyncIterator = (iterable as AsyncIterable<TChunk>)[Symbol.asyncIterator];
    const iterator: AsyncIterator<TChunk> | Iterator<TChunk> =
      typeof asyncIterator === 'function' ? asyncIterator.call(iterable) : (iterable as Iterable<TChunk>)[Symbol.iterator]();
    return new ReadableStream<TChunk>({
      async pull(controller) {
        const next = await iterator.next();
        if (next.done === true) controller.close();
        else controller.enqueue(next.value);
      },
      async cancel() {
        await iterator.return?.();
      },
    });
  }

  /** @internal */
  get queueLength(): number {
    return this.#queue.length;
  }

  /** @internal */
  pushChunk(chunk: TChunk): void {
    if (this.#state !== 'readable') throw new TypeError('Cannot enqueue into a closed stream');
    const read = this.#reads.shift();
    if (read !== undefined) read.resolve({ done: false, value: chunk });
    else this.#queue.push(chunk);
  }

  /** @internal */
  closeStream(): void {
    if (this.#state !== 'readable') return;
    this.#state = 'closed';
    if (this.#queue.length === 0) for (const read of this.#reads.splice(0)) read.resolve({ done: true, value: undefined });
  }

  /** @internal */
  errorStream(reason: unknown): void {
    if (this.#state !== 'readable') return;
    this.#state = 'errored';
    this.#error = reason;
    this.#queue.length = 0;
    for (const read of this.#reads.splice(0)) read.reject(reason);
  }

  #maybePull(): void {
    if (!this.#started || this.#pulling || this.#state !== 'readable' || this.#reads.length === 0 || this.#source.pull === undefined) return;
    this.#pulling = true;
    void Promise.resolve()
      .then(() => this.#source.pull?.(this.#controller))
      .then(
        () => {
          this.#pulling = false;
          this.#maybePull();
        },
        (error: unknown) => {
          this.#pulling = false;
          this.errorStream(error);
        },
      );
  }

  /** @internal */
  readChunk(): Promise<ReadResult<TChunk>> {
    this.disturbed = true;
    if (this.#queue.length > 0) {
      const value = this.#queue.shift() as TChunk;
      if (this.#queue.length === 0 && this.#state === 'closed') {
        for (const read of this.#reads.splice(0)) read.resolve({ done: true, value: undefined });
      }
      return Promise.resolve({ done: false, value });
    }
    if (this.#state === 'closed') return Promise.resolve({ done: true, value: undefined });
    if (this.#state === 'errored') // A stream errors with whatever value its source gave (the standard allows any).
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
    return Promise.reject(this.#error);
    return new Promise<ReadResult<TChunk>>((resolve, reject) => {
      this.#reads.push({ resolve, reject });
      this.#maybePull();
    });
  }

  get locked(): boolean {
    return this.#reader !== null;
  }

  /** @internal */
  setReader(reader: ReadableStreamDefaultReader<TChunk> | null): void {
    if (reader !== null && this.#reader !== null) throw new TypeError('ReadableStream is locked');
    this.#reader = reader;
  }

  async cancel(reason?: unknown): Promise<void> {
    if (this.locked) throw new TypeError('Cannot cancel a locked stream');
    await this.cancelInternal(reason);
  }

  /** @internal */
  async cancelInternal(reason: unknown): Promise<void> {
    this.disturbed = true;
    if (this.#state !== 'readable') return;
    this.#queue.length = 0;
    this.closeStream();
    await this.#source.cancel?.(reason);
  }

  getReader(options?: { mode?: string }): ReadableStreamDefaultReader<TChunk> {
    if (options?.mode === 'byob') throw new TypeError('BYOB readers are not supported');
    return new ReadableStreamDefaultReader(this);
  }

  tee(): [ReadableStream<TChunk>, ReadableStream<TChunk>] {
    const reader = this.getReader();
    const branches: ReadableStreamDefaultController<TChunk>[] = [];
    let reading: Promise<void> | null = null;
    const pull = (): Promise<void> => {
      reading ??= reader.read().then((result) => {
        reading = null;
        for (const branch of branches) {
          if (result.done) branch.close();
          else branch.enqueue(result.value);
        }
      });
      return reading;
    };
    const make = (): ReadableStream<TChunk> =>
      new ReadableStream<TChunk>({
        start: (controller) => {
          branches.push(controller);
        },
        pull,
      });
    return [make(), make()];
  }

  async pipeTo(destination: WritableStream<TChunk>, options: { preventClose?: boolean } = {}): Promise<void> {
    const reader = this.getReader();
    const writer = destination.getWriter();
    try {
      for (;;) {
        const result = await reader.read();
        if (result.done) break;
        await writer.write(result.value);
      }
      if (options.preventClose !== true) await writer.close();
    } catch (error) {
      await writer.abort(error);
      throw error;
    } finally {
      reader.releaseLock();
      writer.releaseLock();
    }
  }

  pipeThrough<TOut>(transform: { writable: WritableStream<TChunk>; readable: ReadableStream<TOut> }): ReadableStream<TOut> {
    void this.pipeTo(transform.writable).catch(() => undefined);
    return transform.readable;
  }

  async *values(): AsyncGenerator<TChunk, void, undefined> {
    const reader = this.getReader();
    try {
      for (;;) {
        const result = await reader.read();
        if (result.done) return;
        yield result.value;
      }
    } finally {
      reader.releaseLock();
    }
  }

  [Symbol.asyncIterator](): AsyncGenerator<TChunk, void, undefined> {
    return this.values();
  }

  get [Symbol.toStringTag](): string {
    return 'ReadableStream';
  }
}

/**
 * The default reader of a {@link ReadableStream}.
 *
 * @example
 * ```ts
 * const { value, done } = await stream.getReader().read();
 * ```
 * @internal
 */
export class ReadableStreamDefaultReader<TChunk> {
  #stream: ReadableStream<TChunk> | null;
  constructor(stream: ReadableStream<TChunk>) {
    stream.setReader(this);
    this.#stream = stream;
  }
  read(): Promise<ReadResult<TChunk>> {
    if (this.#stream === null) return Promise.reject(new TypeError('The reader was released'));
    return this.#stream.readChunk();
  }
  releaseLock(): void {
    this.#stream?.setReader(null);
    this.#stream = null;
  }
  async cancel(reason?: unknown): Promise<void> {
    await this.#stream?.cancelInternal(reason);
  }
  get closed(): Promise<void> {
    return Promise.resolve();
  }
}

interface UnderlyingSink<TChunk> {
  start?: (controller: { error(reason: unknown): void }) => unknown;
  write?: (chunk: TChunk, controller: { error(reason: unknown): void }) => unknown;
  close?: () => unknown;
  abort?: (reason: unknown) => unknown;
}

/**
 * `WritableStream`: writes are serialized through the sink.
 *
 * @example
 * ```ts
 * const writer = new WritableStream({ write(chunk) { console.log(chunk); } }).getWriter();
 * ```
 * @internal
 */
export class WritableStream<TChunk = unknown> {
  readonly #sink: UnderlyingSink<TChunk>;
  #chain: Promise<unknown>;
  #locked = false;
  #error: unknown = undefined;
  readonly #controller = { error: (reason: unknown) => (this.#error = reason) };

  constructor(sink: UnderlyingSink<TChunk> = {}) {
    this.#sink = sink;
    this.#chain = Promise.resolve(sink.start?.(this.#controller));
  }
  get locked(): boolean {
    return this.#locked;
  }
  /** @internal */
  setLocked(locked: boolean): void {
    if (locked && this.#locked) throw new TypeError('WritableStream is locked');
    this.#locked = locked;
  }
  /** @internal */
  enqueue(step: () => unknown): Promise<void> {
    const next = this.#chain.then(() => {
      // eslint-disable-next-line @typescript-eslint/only-throw-error -- a sink errors with any value (the standard allows it).
      if (this.#error !== undefined) throw this.#error;
      return step();
    });
    this.#chain = next.catch(() => undefined);
    return next.then(() => undefined);
  }
  /** @internal */
  writeChunk(chunk: TChunk): Promise<void> {
    return this.enqueue(() => this.#sink.write?.(chunk, this.#controller));
  }
  /** @internal */
  closeSink(): Promise<void> {
    return this.enqueue(() => this.#sink.close?.());
  }
  /** @internal */
  abortSink(reason: unknown): Promise<void> {
    return Promise.resolve(this.#sink.abort?.(reason)).then(() => undefined);
  }
  getWriter(): WritableStreamDefaultWriter<TChunk> {
    return new WritableStreamDefaultWriter(this);
  }
  async close(): Promise<void> {
    await this.closeSink();
  }
  async abort(reason?: unknown): Promise<void> {
    await this.abortSink(reason);
  }
  get [Symbol.toStringTag](): string {
    return 'WritableStream';
  }
}

/**
 * The writer of a {@link WritableStream}.
 *
 * @example
 * ```ts
 * await writer.write('a');
 * ```
 * @internal
 */
export class WritableStreamDefaultWriter<TChunk> {
  #stream: WritableStream<TChunk> | null;
  constructor(stream: WritableStream<TChunk>) {
    stream.setLocked(true);
    this.#stream = stream;
  }
  get ready(): Promise<void> {
    return Promise.resolve();
  }
  get closed(): Promise<void> {
    return Promise.resolve();
  }
  get desiredSize(): number {
    return 1;
  }
  write(chunk: TChunk): Promise<void> {
    return this.#stream === null ? Promise.reject(new TypeError('The writer was released')) : this.#stream.writeChunk(chunk);
  }
  close(): Promise<void> {
    return this.#stream === null ? Promise.reject(new TypeError('The writer was released')) : this.#stream.closeSink();
  }
  abort(reason?: unknown): Promise<void> {
    return this.#stream === null ? Promise.resolve() : this.#stream.abortSink(reason);
  }
  releaseLock(): void {
    this.#stream?.setLocked(false);
    this.#stream = null;
  }
}

interface Transformer<TIn, TOut> {
  start?: (controller: TransformStreamDefaultController<TOut>) => unknown;
  transform?: (chunk: TIn, controller: TransformStreamDefaultController<TOut>) => unknown;
  flush?: (controller: TransformStreamDefaultController<TOut>) => unknown;
}

/**
 * The controller a transformer writes to.
 *
 * @example
 * ```ts
 * new TransformStream({ transform(chunk, controller) { controller.enqueue(chunk); } });
 * ```
 * @internal
 */
export class TransformStreamDefaultController<TOut> {
  readonly #readable: ReadableStreamDefaultController<TOut>;
  constructor(readable: ReadableStreamDefaultController<TOut>) {
    this.#readable = readable;
  }
  get desiredSize(): number {
    return this.#readable.desiredSize;
  }
  enqueue(chunk: TOut): void {
    this.#readable.enqueue(chunk);
  }
  error(reason: unknown): void {
    this.#readable.error(reason);
  }
  terminate(): void {
    this.#readable.close();
  }
}

/**
 * `TransformStream`.
 *
 * @example
 * ```ts
 * const upper = new TransformStream({ transform(chunk, c) { c.enqueue(String(chunk).toUpperCase()); } });
 * ```
 * @internal
 */
export class TransformStream<TIn = unknown, TOut = TIn> {
  readonly readable: ReadableStream<TOut>;
  readonly writable: WritableStream<TIn>;
  constructor(transformer: Transformer<TIn, TOut> = {}) {
    let controller!: TransformStreamDefaultController<TOut>;
    this.readable = new ReadableStream<TOut>({
      start: (readable) => {
        controller = new TransformStreamDefaultController(readable);
      },
    });
    const started = Promise.resolve(transformer.start?.(controller));
    this.writable = new WritableStream<TIn>({
      write: async (chunk) => {
        await started;
        if (transformer.transform === undefined) controller.enqueue(chunk as unknown as TOut);
        else await transformer.transform(chunk, controller);
      },
      close: async () => {
        await started;
        await transformer.flush?.(controller);
        controller.terminate();
      },
      abort: (reason) => controller.error(reason),
    });
  }
  get [Symbol.toStringTag](): string {
    return 'TransformStream';
  }
}

/**
 * Installs the stream classes.
 *
 * @example
 * ```ts
 * installStreams();
 * ```
 * @internal
 */
export function installStreams(): void {
  defineGlobal('ReadableStream', ReadableStream);
  defineGlobal('ReadableStreamDefaultReader', ReadableStreamDefaultReader);
  defineGlobal('ReadableStreamDefaultController', ReadableStreamDefaultController);
  defineGlobal('WritableStream', WritableStream);
  defineGlobal('WritableStreamDefaultWriter', WritableStreamDefaultWriter);
  defineGlobal('TransformStream', TransformStream);
  defineGlobal('TransformStreamDefaultController', TransformStreamDefaultController);
}
