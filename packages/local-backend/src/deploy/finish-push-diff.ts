import type { FinishPushDiff, IndexDiff } from '@selfhost/protocol';
import type { DeploymentRecord } from '../deployment/deployment-record.ts';
import { authProviders } from './start-push-response.ts';

/**
 * What a finished push changed, in the shape the CLI prints (compat §2.3 `FinishPushDiff`).
 *
 * @example
 * finishPushDiff(previous, next, indexDiff);
 */
export function finishPushDiff(previous: DeploymentRecord | null, next: DeploymentRecord, indexDiff: IndexDiff): FinishPushDiff {
  const before = new Set((previous?.modules ?? []).map((m) => m.path));
  const after = new Set(next.modules.map((m) => m.path));
  const providerIds = (record: DeploymentRecord | null) =>
    new Set(authProviders(record?.authConfig ?? null).map((p) => ('domain' in p ? p.domain : p.issuer)));
  const authBefore = providerIds(previous);
  const authAfter = providerIds(next);
  const cronsOf = (record: DeploymentRecord | null) => (record?.crons && typeof record.crons === 'object' && !Array.isArray(record.crons) ? record.crons : {});
  const cronsBefore = cronsOf(previous);
  const cronsAfter = cronsOf(next);
  const schemaText = (record: DeploymentRecord | null) => (record?.schema == null ? null : JSON.stringify(record.schema));
  return {
    authDiff: { added: [...authAfter].filter((id) => !authBefore.has(id)), removed: [...authBefore].filter((id) => !authAfter.has(id)) },
    definitionDiffs: { '': {} },
    componentDiffs: {
      '': {
        diffType: { type: previous === null ? 'create' : 'modify' },
        moduleDiff: { added: [...after].filter((p) => !before.has(p)).sort(), removed: [...before].filter((p) => !after.has(p)).sort() },
        udfConfigDiff:
          previous === null || previous.udfConfig.serverVersion !== next.udfConfig.serverVersion
            ? { previous_version: previous?.udfConfig.serverVersion ?? '', next_version: next.udfConfig.serverVersion }
            : null,
        cronDiff: {
          added: Object.keys(cronsAfter).filter((id) => !(id in cronsBefore)),
          updated: Object.keys(cronsAfter).filter((id) => id in cronsBefore && JSON.stringify(cronsAfter[id]) !== JSON.stringify(cronsBefore[id])),
          deleted: Object.keys(cronsBefore).filter((id) => !(id in cronsAfter)),
        },
        indexDiff: indexDiff,
        schemaDiff: schemaText(previous) === schemaText(next) ? null : { previous_schema: schemaText(previous), next_schema: schemaText(next) },
      },
    },
  };
}
