import type { Value } from '@selfhost/values';
import type { CliContext } from '../cli-context.ts';
import { formatCell } from '../output/format-value.ts';
import { adminHttpClient } from '../system/admin-http-client.ts';
import { runPaginatedSystemQuery } from '../system/system-queries.ts';
import {
  deploymentFromValues,
  integerValue,
  stringValue,
  type CommandValues,
} from './command-values.ts';

/**
 * `selfhost data [table]`: the table names (`_system/cli/tables`), or a table's documents
 * (`_system/cli/tableData`) as a table, a JSON array or JSON lines.
 *
 * @example
 * ```ts
 * await dataCommand(ctx, ['messages'], { limit: '10', format: 'jsonl' });
 * ```
 */
export async function dataCommand(
  ctx: CliContext,
  positionals: readonly string[],
  values: CommandValues,
): Promise<void> {
  const deployment = deploymentFromValues(ctx, values);
  const client = adminHttpClient(ctx, deployment);
  const [table] = positionals;
  if (table === undefined) {
    const tables = (await runPaginatedSystemQuery(client, '_system/cli/tables', { args: {} })) as {
      name: string;
    }[];
    if (tables.length === 0)
      ctx.reporter.info(`There are no tables in the database of ${deployment.url}.`);
    else
      ctx.reporter.output(
        tables
          .map(({ name }) => name)
          .sort()
          .join('\n'),
      );
    return;
  }
  const limit = integerValue(values, 'limit', 100);
  const order = stringValue(values, 'order') ?? 'desc';
  const documents = (await runPaginatedSystemQuery(client, '_system/cli/tableData', {
    args: { table, order },
    limit: limit + 1,
  })) as Record<string, Value>[];
  if (documents.length === 0) {
    ctx.reporter.info(`There are no documents in table "${table}".`);
    return;
  }
  const shown = documents.slice(0, limit);
  const format = stringValue(values, 'format') ?? 'pretty';
  if (format === 'json' || format === 'jsonArray') {
    ctx.reporter.output(`[\n${shown.map((document) => formatCell(document)).join(',\n')}\n]`);
  } else if (format === 'jsonLines' || format === 'jsonl') {
    ctx.reporter.output(shown.map((document) => formatCell(document)).join('\n'));
  } else {
    for (const line of documentTable(shown)) ctx.reporter.output(line);
    if (documents.length > limit) {
      ctx.reporter.warn(
        `Showing the ${limit} ${order === 'desc' ? 'newest' : 'oldest'} document${limit === 1 ? '' : 's'}. Use --limit to see more.`,
      );
    }
  }
}

/** Columns `_id`, `_creationTime`, then the other fields in name order; cells padded to width. */
function documentTable(documents: readonly Record<string, Value>[]): string[] {
  const rows = documents.map((document) =>
    Object.fromEntries(Object.entries(document).map(([key, value]) => [key, formatCell(value)])),
  );
  const widths = new Map<string, number>();
  for (const row of rows) {
    for (const [column, text] of Object.entries(row))
      widths.set(column, Math.max(widths.get(column) ?? column.length, text.length));
  }
  const columns = [...new Set(['_id', '_creationTime', ...[...widths.keys()].sort()])].filter(
    (column) => widths.has(column),
  );
  const width = (column: string) => widths.get(column) ?? 0;
  return [
    columns.map((column) => column.padEnd(width(column))).join(' | '),
    columns.map((column) => '-'.repeat(width(column))).join('-|-'),
    ...rows.map((row) =>
      columns.map((column) => (row[column] ?? '').padEnd(width(column))).join(' | '),
    ),
  ];
}
