import { makeFunctionReference } from '../../server/api/make-function-reference.ts';
import type { ConvexHttpClient } from '../../browser/http/convex-http-client.ts';
import type { Value } from '@selfhost/values';
import { CliError } from '../errors/cli-error.ts';

/**
 * Runs a built-in `_system/…` query (compat spec §2.10) with admin auth over `POST /api/query`.
 * A failure inside the function is a `server` error naming it.
 *
 * @example
 * ```ts
 * const vars = await runSystemQuery(client, '_system/cli/queryEnvironmentVariables', {});
 * ```
 */
export async function runSystemQuery(
  client: ConvexHttpClient,
  name: string,
  args: Record<string, Value>,
): Promise<Value> {
  try {
    return (await client.query(makeFunctionReference<'query'>(name), args)) as Value;
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError('server', `The system query ${name} failed: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

/**
 * Every item of a paginated system query (`_system/cli/tables`, `_system/cli/tableData`), page
 * after page, up to `limit`.
 *
 * @example
 * ```ts
 * const tables = await runPaginatedSystemQuery(client, '_system/cli/tables', { args: {} });
 * ```
 */
export async function runPaginatedSystemQuery(
  client: ConvexHttpClient,
  name: string,
  options: { readonly args: Record<string, Value>; readonly limit?: number },
): Promise<Value[]> {
  const { args, limit } = options;
  const items: Value[] = [];
  let cursor: string | null = null;
  for (;;) {
    const numItems = limit === undefined ? 10_000 : limit - items.length;
    const page = (await runSystemQuery(client, name, {
      ...args,
      paginationOpts: { cursor, numItems },
    })) as {
      page: Value[];
      isDone: boolean;
      continueCursor: string;
    };
    items.push(...page.page);
    if (page.isDone || (limit !== undefined && items.length >= limit)) return items;
    cursor = page.continueCursor;
  }
}
