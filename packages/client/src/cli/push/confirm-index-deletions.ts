import type { DeveloperIndexConfig } from '@selfhost/protocol';
import type { CliContext } from '../cli-context.ts';
import { CliError } from '../errors/cli-error.ts';
import { adminHttpClient } from '../system/admin-http-client.ts';
import { runSystemQuery } from '../system/system-queries.ts';
import { formatIndex } from './format-index.ts';
import type { PreparedPush } from './prepare-push.ts';
import { evaluatePush } from './push-api.ts';

/** Deleting an index of a table this big asks for confirmation (the official CLI's threshold). */
const LARGE_TABLE_DOCUMENTS = 100_000;

/**
 * `deploy`'s check before `start_push`: asks `evaluate_push` which indexes the push deletes; when
 * one is on a table of at least 100,000 documents (counted with `_system/cli/tableSize`), a
 * terminal user must confirm — or `--yes` — since rebuilding it later takes long. Without a
 * terminal and without `--yes` the deploy stops.
 *
 * @example
 * ```ts
 * await confirmIndexDeletions(ctx, prepared, { yes: false });
 * ```
 */
export async function confirmIndexDeletions(
  ctx: CliContext,
  prepared: PreparedPush,
  options: { readonly yes: boolean },
): Promise<void> {
  const { schemaChange } = await evaluatePush(prepared.client, prepared.body);
  const removed = schemaChange.indexDiffs?.['']?.removed_indexes ?? [];
  if (removed.length === 0) return;
  const admin = adminHttpClient(ctx, prepared.client.deployment);
  const sizes = new Map<string, number | undefined>();
  for (const table of new Set(removed.map(tableOf))) {
    try {
      sizes.set(
        table,
        Number(await runSystemQuery(admin, '_system/cli/tableSize:default', { tableName: table })),
      );
    } catch {
      sizes.set(table, undefined);
    }
  }
  const describe = (index: DeveloperIndexConfig) => {
    const size = sizes.get(tableOf(index));
    return `  [-] ${formatIndex(index)}  (${size === undefined ? 'size unknown' : `${size.toLocaleString('en-US')} document${size === 1 ? '' : 's'}`})`;
  };
  ctx.reporter.info(
    `This push deletes ${removed.length === 1 ? 'an index' : 'indexes'} of ${prepared.client.deployment.url}:\n${removed.map(describe).join('\n')}`,
  );
  const large = removed.some(
    (index) => (sizes.get(tableOf(index)) ?? Infinity) >= LARGE_TABLE_DOCUMENTS,
  );
  if (!large || options.yes) return;
  if (!ctx.stdin.isTty) {
    throw new CliError(
      'interrupted',
      'This push deletes indexes of large tables (above); rebuilding them later takes long. Run the deploy in a terminal to confirm, or pass --yes.',
    );
  }
  if (!(await ctx.confirm(`Delete ${removed.length === 1 ? 'this index' : 'these indexes'}?`))) {
    throw new CliError('interrupted', 'Push canceled: nothing was deployed.');
  }
}

function tableOf(index: DeveloperIndexConfig): string {
  return index.name.split('.')[0] ?? index.name;
}
