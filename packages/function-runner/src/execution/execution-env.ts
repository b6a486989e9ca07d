import type { UdfType } from '@selfhost/udf-runtime';
import type { webcrypto } from 'node:crypto';
import type { FetchPolicy } from '../runtime-ops/fetch-policy.ts';

type CryptoKey = webcrypto.CryptoKey;
import type { UdfQueryStream, UdfTransaction } from '../database/udf-transaction.ts';
import type { IsolateSlot } from '../isolates/isolate-slot.ts';
import type { LogCollector } from '../logs/log-collector.ts';
import type { UdfAddress } from '../modules/udf-path.ts';
import type { ActionHost } from './action-host.ts';
import type { Identity } from './identity.ts';
import type { NestedRunner } from './nested-runner.ts';

/**
 * Everything the syscall handlers of one execution can use.
 *
 * @example
 * ```ts
 * const doc = await env.transaction?.get(id, { isSystem: false });
 * ```
 * @internal
 */
export interface ExecutionEnv {
  readonly udfType: UdfType;
  readonly address: UdfAddress;
  /** Canonical path (`messages:list`). */
  readonly path: string;
  readonly identity: Identity;
  readonly requestId: string;
  /** 0 for the top-level function, +1 per nested `runQuery`/`runMutation`. */
  readonly depth: number;
  readonly transaction: UdfTransaction | undefined;
  readonly actionHost: ActionHost | undefined;
  readonly logs: LogCollector;
  /** The isolate this request runs in (nested calls get further contexts of it); `null` in Node. */
  readonly slot: IsolateSlot | null;
  readonly nested: NestedRunner;
  /** Open `db.query` streams by query id. */
  readonly queryStreams: Map<number, UdfQueryStream>;
  /** Counter for query ids. */
  nextQueryId: number;
  /** Whether the function already paginated (only one `.paginate()` per function). */
  paginated: boolean;
  /** Top-level queries: the previous run's journal, whose end cursor `.paginate()` resumes to. */
  readonly previousJournal: string | null;
  /** The journal this run produces: the end cursor of its `.paginate()`. */
  producedJournal: string | null;
  /** Deployment metadata for `ctx.meta.getDeploymentMetadata()`. */
  readonly deploymentName: string;
  /** What the runtime operations (`$fetch`, `$subtle`) need. */
  readonly services: RuntimeServices;
}

/**
 * Per-execution state and configuration of the runtime operations.
 *
 * @example
 * ```ts
 * const services: RuntimeServices = { fetchPolicy: {}, cryptoKeys: new Map() };
 * ```
 * @internal
 */
export interface RuntimeServices {
  readonly fetchPolicy: FetchPolicy;
  /** `crypto.subtle` keys of this execution, by the handle the isolate holds. */
  readonly cryptoKeys: Map<string, CryptoKey>;
}
