import type { SchemaChange } from '@selfhost/database';
import type { DeploymentAnalysis } from '@selfhost/function-runner';
import type { PushedModule } from './assemble-modules.ts';

/** A push between `start_push` and `finish_push`: analyzed, code stored, schema change running. */
export interface PendingPush {
  readonly id: string;
  readonly modules: readonly PushedModule[];
  readonly analysis: DeploymentAnalysis;
  readonly schemaChange: SchemaChange;
  /** The environment the push was analyzed with (a change in between is a race). */
  readonly env: Readonly<Record<string, string>>;
  readonly startedAt: number;
}
