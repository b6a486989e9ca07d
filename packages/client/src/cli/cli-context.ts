import type * as esbuild from 'esbuild';
import type { Reporter } from './output/reporter.ts';

/**
 * The part of esbuild the CLI uses; tests can pass another esbuild version (e.g. the one the
 * official `convex` package ships) to compare bundles byte for byte.
 *
 * @example
 * ```ts
 * const api: EsbuildApi = await import('esbuild');
 * ```
 */
export type EsbuildApi = Pick<typeof esbuild, 'build' | 'formatMessages'>;

/**
 * Everything a command needs from the outside world. `main()` builds it from the process; tests
 * build it with a temporary directory, a fake `fetch` or captured output.
 *
 * @example
 * ```ts
 * await runCodegenCommand(ctx, { typecheck: 'disable' });
 * ```
 */
export interface CliContext {
  /** The project directory (where `package.json` and `convex.json` are). */
  readonly cwd: string;
  /** The process environment (not yet merged with `.env.local`). */
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly reporter: Reporter;
  readonly fetch: typeof globalThis.fetch;
  /** Waits before each retry of a request that could not reach the backend. */
  readonly retryDelaysMs: readonly number[];
  readonly esbuild: EsbuildApi;
  /** Aborted when the user presses Ctrl-C (long-running commands stop cleanly). */
  readonly signal: AbortSignal;
  /** Standard input: whether it is a terminal, and its whole text when it is not. */
  readonly stdin: { readonly isTty: boolean; readAll(): Promise<string> };
  /** Asks a yes/no question on the terminal. */
  confirm(question: string): Promise<boolean>;
}
