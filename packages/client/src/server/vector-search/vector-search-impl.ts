import { convexOrUndefinedToJson, type JSONValue, type Value } from '@selfhost/values';
import { checkArgPresent } from '../args/check-arg.ts';
import type { GenericDocument, GenericVectorIndexConfig } from '../data-model/data-model.ts';
import { performAsyncSyscall } from '../syscall/perform-async-syscall.ts';
import { CONVEX_COMPAT_VERSION } from '../version.ts';
import { FilterExpression, type VectorFilterBuilder } from './vector-search.ts';

// `any` lets one node class stand for every FilterExpression<T>.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
class VectorFilterNode extends FilterExpression<any> {
  readonly json: JSONValue;

  constructor(json: JSONValue) {
    super();
    this.json = json;
  }
}

function serialize(operand: unknown): JSONValue {
  if (operand instanceof VectorFilterNode) return operand.json;
  return { $literal: convexOrUndefinedToJson(operand as Value | undefined) };
}

const vectorFilterBuilder: VectorFilterBuilder<GenericDocument, GenericVectorIndexConfig> =
  Object.freeze({
    eq: (fieldName: string, value: unknown) => {
      if (typeof fieldName !== 'string')
        throw new Error('The first argument to `q.eq` must be a field name (a string).');
      return new VectorFilterNode({ $eq: [{ $field: fieldName }, serialize(value)] });
    },
    or: (...exprs: unknown[]) => new VectorFilterNode({ $or: exprs.map(serialize) }),
  });

type VectorQueryInput = {
  vector: number[];
  limit?: number;
  filter?: (q: VectorFilterBuilder<GenericDocument, GenericVectorIndexConfig>) => unknown;
};

/**
 * The `ctx.vectorSearch` of an action (`1.0/actions/vectorSearch`).
 *
 * @example
 * ```ts
 * const results = await createVectorSearch(requestId)('docs', 'by_embedding', { vector, limit: 5 });
 * ```
 */
export function createVectorSearch(requestId: string) {
  return async (tableName: string, indexName: string, query: VectorQueryInput) => {
    checkArgPresent(tableName, { position: 1, method: 'vectorSearch', argName: 'tableName' });
    checkArgPresent(indexName, { position: 2, method: 'vectorSearch', argName: 'indexName' });
    checkArgPresent(query, { position: 3, method: 'vectorSearch', argName: 'query' });
    if (!Array.isArray(query.vector) || query.vector.length === 0) {
      throw new Error('`vector` must be a non-empty array of numbers in vectorSearch.');
    }
    const expressions = query.filter ? serialize(query.filter(vectorFilterBuilder)) : null;
    const { results } = (await performAsyncSyscall('1.0/actions/vectorSearch', {
      requestId,
      version: CONVEX_COMPAT_VERSION,
      query: {
        indexName: `${tableName}.${indexName}`,
        limit: query.limit,
        vector: query.vector,
        expressions,
      },
    })) as { results: Array<{ _id: string; _score: number }> };
    return results;
  };
}
