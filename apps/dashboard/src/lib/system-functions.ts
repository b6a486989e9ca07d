import { functionRef, type FunctionRef, type PaginationOptions, type PaginationResult } from './function-ref.ts';
import type { GenericId, Value } from '@selfhost/client/values';

/** A document as the data page sees it. */
export type Document = Record<string, Value> & { _id: GenericId<string>; _creationTime: number };

/** An index of a table, as `_system/frontend/indexes` reports it. */
export type TableIndex = {
  name: string;
  staged: boolean;
  fields: string[] | { searchField: string; filterFields: string[] } | { vectorField: string; filterFields: string[]; dimensions: number };
  backfill: { state: 'backfilling' | 'backfilled' | 'done' };
};

/** A function of `_system/frontend/modules:list`. */
export type ModuleFunction = {
  name: string;
  udfType: 'Query' | 'Mutation' | 'Action' | 'HttpAction';
  visibility: { kind: 'public' | 'internal' };
  argsValidator: string;
  returns?: string;
};

type WriteResult = { success: true } | { success: false; error: string };

const q = <TArgs, TResult>(name: string): FunctionRef<'query', TArgs, TResult> => functionRef<'query', TArgs, TResult>(name);
const m = <TArgs, TResult>(name: string): FunctionRef<'mutation', TArgs, TResult> => functionRef<'mutation', TArgs, TResult>(name);

/** The `_system/frontend/*` functions the dashboard calls (packages/system-udfs/src/frontend). */
export const system = {
  getTableMapping: q<Record<string, never>, Record<string, string>>('_system/frontend/getTableMapping'),
  tableSize: q<{ tableName: string }, number>('_system/frontend/tableSize'),
  paginatedTableDocuments: q<{ paginationOpts: PaginationOptions; table: string; filters: string | null }, PaginationResult<Document>>(
    '_system/frontend/paginatedTableDocuments',
  ),
  getSchemas: q<{ componentId?: string | null }, { active?: string; inProgress?: string }>('_system/frontend/getSchemas'),
  indexes: q<{ tableName: string; tableNamespace: null }, TableIndex[] | null>('_system/frontend/indexes'),
  modules: q<Record<string, never>, [string, { functions: ModuleFunction[]; creationTime: number }][]>('_system/frontend/modules:list'),
  listEnvironmentVariables: q<Record<string, never>, { _id: string; name: string; value: string }[]>('_system/frontend/listEnvironmentVariables'),
  getVersion: q<Record<string, never>, string | null>('_system/frontend/getVersion'),
  deploymentInfo: q<Record<string, never>, { udfServerVersion: string; pushedAt: number } | null>('_system/frontend/deploymentInfo'),
  listAuthProviders: q<Record<string, never>, Record<string, Value>[]>('_system/frontend/listAuthProviders'),
  addDocument: m<{ table: string; documents: Value[] }, WriteResult>('_system/frontend/addDocument'),
  replaceDocument: m<{ id: string; document: Value }, WriteResult>('_system/frontend/replaceDocument'),
  patchDocumentsFields: m<{ table: string; fields: Value; ids?: string[] }, WriteResult>('_system/frontend/patchDocumentsFields'),
  deleteDocuments: m<{ toDelete: { id: string; tableName: string }[] }, WriteResult>('_system/frontend/deleteDocuments'),
  clearTablePage: m<{ tableName: string; cursor: string | null }, { deleted: number; hasMore: boolean; continueCursor: string }>(
    '_system/frontend/clearTablePage',
  ),
};
