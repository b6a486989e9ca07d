import type { ActionHost, Deployment, RunResult, UdfTransaction } from '@selfhost/function-runner';
import type { UdfKind } from '../execution/execution-outcome.ts';
import type { ExecutionRequest } from '../execution/execution-request.ts';

const systemPrefix = '_system/';

/**
 * The code that serves requests right now (the user's last push plus the system functions),
 * with the checks every caller needs: `_system/*` only for admins, internal functions only
 * for admins, and the "not found" message the CLI recognises.
 *
 * @example
 * const result = await loaded.runInTransaction('query', request, udfTx);
 */
export class LoadedDeployment {
  readonly runner: Deployment;
  readonly #kinds: ReadonlyMap<string, UdfKind>;
  readonly #nodeModules: ReadonlySet<string>;

  /** `nodeModules`: paths of the `"use node"` modules (`dir/mod.js`), whose actions run in Node.js. */
  constructor(runner: Deployment, nodeModules: ReadonlySet<string> = new Set()) {
    this.runner = runner;
    this.#nodeModules = nodeModules;
    const kinds = new Map<string, UdfKind>();
    for (const [modulePath, module] of Object.entries(runner.analysis.modules)) {
      const base = modulePath.replace(/\.js$/, '');
      for (const fn of module.functions) {
        const kind = fn.udfType === 'Query' ? 'query' : fn.udfType === 'Mutation' ? 'mutation' : 'action';
        kinds.set(`${base}:${fn.name}`, kind);
      }
    }
    this.#kinds = kinds;
  }

  /** The kind of a function by any accepted spelling of its path, or undefined. */
  kindOf(path: string): UdfKind | undefined {
    return this.#kinds.get(canonicalPath(path));
  }

  /** Whether `path` names a function of a `"use node"` module (it has its own concurrency limit). */
  isNodeFunction(path: string): boolean {
    const canonical = canonicalPath(path);
    return this.#nodeModules.has(`${canonical.slice(0, canonical.lastIndexOf(':'))}.js`);
  }

  async runInTransaction(kind: 'query' | 'mutation', request: ExecutionRequest, transaction: UdfTransaction): Promise<RunResult> {
    const hidden = hiddenSystemFunction(kind, request);
    if (hidden) return hidden;
    return this.runner.run({
      udfType: kind,
      path: request.path,
      args: request.args,
      identity: request.identity,
      visibility: this.#visibility(request),
      transaction,
      ...(request.requestId === undefined ? {} : { requestId: request.requestId }),
      ...(request.journal == null ? {} : { journal: request.journal }),
    });
  }

  async runAction(request: ExecutionRequest, actionHost: ActionHost): Promise<RunResult> {
    const hidden = hiddenSystemFunction('action', request);
    if (hidden) return hidden;
    return this.runner.run({
      udfType: 'action',
      path: request.path,
      args: request.args,
      identity: request.identity,
      visibility: this.#visibility(request),
      actionHost,
      ...(request.requestId === undefined ? {} : { requestId: request.requestId }),
    });
  }

  /** Internal functions are visible to admins (and to nested calls) only. */
  #visibility(request: ExecutionRequest): 'public' | 'internal' {
    return request.isAdmin ? 'internal' : 'public';
  }
}

/** Without the admin key, `_system/*` functions do not exist (the same answer as a missing one). */
function hiddenSystemFunction(kind: UdfKind, request: ExecutionRequest): RunResult | undefined {
  const path = canonicalPath(request.path);
  if (request.isAdmin || !path.startsWith(systemPrefix)) return undefined;
  return {
    outcome: { status: 'error', errorMessage: `Could not find public function for '${path}'. Did you forget to run \`npx convex dev\` or \`npx convex deploy\`?` },
    logLines: [],
    path,
    udfType: kind,
    requestId: request.requestId ?? '',
    executionTimeMs: 0,
    userTimeMs: 0,
  };
}

/** `dir/mod.js:fn`, `dir/mod:fn`, `dir/mod` (default) → `dir/mod:fn`. */
export function canonicalPath(path: string): string {
  const colon = path.lastIndexOf(':');
  const modulePath = (colon === -1 ? path : path.slice(0, colon)).replace(/\.js$/, '');
  const name = colon === -1 ? 'default' : path.slice(colon + 1);
  return `${modulePath}:${name}`;
}
