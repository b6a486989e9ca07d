import type { LogLine } from '@selfhost/function-runner';

/** What running one function produced, independent of how it was called (HTTP, WebSocket). */
export type ExecutionOutcome =
  | { readonly status: 'success'; readonly valueJson: string; readonly logLines: readonly LogLine[] }
  | {
      readonly status: 'error';
      readonly errorMessage: string;
      /** Convex-JSON text of `ConvexError` data, when the function threw one. */
      readonly errorDataJson?: string | undefined;
      readonly logLines: readonly LogLine[];
    };

/** Which kind of function runs (compat §4.3). */
export type UdfKind = 'query' | 'mutation' | 'action';
