/**
 * A function found by push-time analysis (compat spec §4.5).
 *
 * @example
 * ```ts
 * const fn: AnalyzedFunction = { name: 'list', pos: null, udfType: 'Query', visibility: { kind: 'public' }, args: '{"type":"any"}', returns: 'null' };
 * ```
 */
export interface AnalyzedFunction {
  readonly name: string;
  readonly pos: SourcePosition | null;
  readonly udfType: 'Query' | 'Mutation' | 'Action';
  readonly visibility: { readonly kind: 'public' } | { readonly kind: 'internal' } | null;
  /** JSON text of the args validator (`exportArgs()`). */
  readonly args: string;
  /** JSON text of the returns validator or `"null"` (`exportReturns()`). */
  readonly returns: string;
}

/**
 * Where a function or route was defined, in the original source.
 *
 * @example
 * ```ts
 * const pos: SourcePosition = { path: 'messages.js', start_lineno: 12, start_col: 19 };
 * ```
 */
export interface SourcePosition {
  readonly path: string;
  readonly start_lineno: number;
  readonly start_col: number;
}

/**
 * An HTTP route of `http.js`.
 *
 * @example
 * ```ts
 * const route: AnalyzedHttpRoute = { route: { path: '/hook', method: 'POST' }, pos: null };
 * ```
 */
export interface AnalyzedHttpRoute {
  readonly route: { readonly path: string; readonly method: string };
  readonly pos: SourcePosition | null;
}

/**
 * A cron job of `crons.js`: its identifier and the entry of the crons export.
 *
 * @example
 * ```ts
 * const cron: AnalyzedCron = { identifier: 'cleanup', spec: { name: 'jobs:cleanup', args: [{}], schedule: { type: 'interval', minutes: 5 } } };
 * ```
 */
export interface AnalyzedCron {
  readonly identifier: string;
  readonly spec: unknown;
}

/**
 * The analysis of one module.
 *
 * @example
 * ```ts
 * const module: AnalyzedModule = { functions: [], httpRoutes: null, cronSpecs: null, sourceMapped: null };
 * ```
 */
export interface AnalyzedModule {
  readonly functions: readonly AnalyzedFunction[];
  readonly httpRoutes: readonly AnalyzedHttpRoute[] | null;
  readonly cronSpecs: readonly AnalyzedCron[] | null;
  readonly sourceMapped: null;
}

/**
 * What the in-isolate analysis reports for one module: the analyzed module, plus the
 * default export's JSON for `schema.js`, `auth.config.js` and `crons.js`, and the
 * environment variables read while they were unset.
 *
 * @example
 * ```ts
 * const raw: RawModuleAnalysis = { module: { functions: [], httpRoutes: null, cronSpecs: null, sourceMapped: null }, defaultExportJson: null, missingEnvVars: [] };
 * ```
 */
export interface RawModuleAnalysis {
  readonly module: AnalyzedModule;
  readonly defaultExportJson: string | null;
  readonly missingEnvVars: readonly string[];
  /** Local names of exported functions in the bundled code, for source positions. */
  readonly exportLocals?: Readonly<Record<string, string>>;
}
