/**
 * Where a client prints what it has to say: four methods that take anything, like `console.log`.
 * Pass one as the `logger` option, `true`/omitted for the console, or `false` for silence.
 *
 * @example
 * ```ts
 * const quiet: Logger = { logVerbose() {}, log() {}, warn: console.warn, error: console.error };
 * new ConvexClient(url, { logger: quiet });
 * ```
 */
export type Logger = {
  logVerbose(...args: unknown[]): void;
  log(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
};

/**
 * The logger a client uses for its `logger` and `verbose` options: the console unless `logger`
 * is `false` (then nothing) or an object (then that object). `logVerbose` prints only with
 * `verbose: true`.
 *
 * @example
 * ```ts
 * const logger = createLogger({ logger: undefined, verbose: false });
 * logger.log('connected');
 * ```
 */
export function createLogger(options: {
  logger?: Logger | boolean | undefined;
  verbose?: boolean | undefined;
}): Logger {
  const { logger, verbose = false } = options;
  if (typeof logger === 'object') return logger;
  if (logger === false) {
    return { logVerbose() {}, log() {}, warn() {}, error() {} };
  }
  return {
    logVerbose: (...args) => {
      if (verbose) console.debug(new Date().toISOString(), ...args);
    },
    log: (...args) => console.log(...args),
    warn: (...args) => console.warn(...args),
    error: (...args) => console.error(...args),
  };
}
