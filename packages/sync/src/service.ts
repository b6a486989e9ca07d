/**
 * The shape of every long-running part of the backend (STYLE.md habit 8): `run()` works until
 * `stop()` is called and then resolves; `drain()`, when present, finishes in-flight work first.
 *
 * @example
 * ```ts
 * const done = engine.run();
 * await engine.stop();
 * await done;
 * ```
 */
export interface Service {
  readonly name: string;
  run(): Promise<void>;
  stop(): Promise<void>;
  drain?(): Promise<void>;
}
