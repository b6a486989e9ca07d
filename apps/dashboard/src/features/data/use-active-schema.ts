'use client';
import { useLiveQuery } from '../../components/use-live-query.ts';
import { parseSchema, type Schema } from '../../lib/schema-json.ts';
import { system } from '../../lib/system-functions.ts';

/**
 * The active and in-progress schemas, live. `undefined` while loading.
 *
 * @example
 * const schemas = useSchemas();
 */
export function useSchemas(): { active: Schema | null; inProgress: Schema | null; error: string | null } | undefined {
  const result = useLiveQuery(system.getSchemas, {});
  if (result.status === 'pending') return undefined;
  if (result.status === 'error') return { active: null, inProgress: null, error: result.error.message };
  return { active: parseSchema(result.data.active), inProgress: parseSchema(result.data.inProgress), error: null };
}
