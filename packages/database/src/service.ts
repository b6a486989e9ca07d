/**
 * The shape every long-running part has (STYLE.md habit 8): `run()` resolves when the service has
 * stopped; `stop()` asks it to stop and resolves when it has.
 *
 * @example
 * ```ts
 * const retention = db.retention;
 * void retention.run();
 * await retention.stop();
 * ```
 */
export interface Service {
  /** Runs until {@link Service.stop} is called (or the service fails). */
  run(): Promise<void>;
  /** Stops the service; resolves once it is idle. Safe to call twice. */
  stop(): Promise<void>;
}
