'use client';
import { useLiveQuery } from '../../components/use-live-query.ts';
import { system, type TableIndex } from '../../lib/system-functions.ts';

function describeFields(fields: TableIndex['fields']): string {
  if (Array.isArray(fields)) return fields.join(', ');
  if ('searchField' in fields) return `search ${fields.searchField}${fields.filterFields.length ? ` (filter: ${fields.filterFields.join(', ')})` : ''}`;
  return `vector ${fields.vectorField} [${fields.dimensions}]${fields.filterFields.length ? ` (filter: ${fields.filterFields.join(', ')})` : ''}`;
}

const stateLabel = { backfilling: 'backfilling…', backfilled: 'backfilled (waiting for the push)', done: 'ready' } as const;

/** A table's indexes with their fields and backfill state, live. */
export function IndexesPanel({ table }: { table: string }) {
  const indexes = useLiveQuery(system.indexes, { tableName: table, tableNamespace: null });
  return (
    <div className="panel" aria-label="Indexes">
      <h3>Indexes of {table}</h3>
      {indexes.status === 'pending' && <p className="muted">Loading…</p>}
      {indexes.status === 'error' && <p className="error">{indexes.error.message}</p>}
      {indexes.status === 'success' && (
        <table className="plain">
          <thead>
            <tr>
              <th>Name</th>
              <th>Fields</th>
              <th>State</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <td className="mono">by_creation_time</td>
              <td className="mono">_creationTime</td>
              <td className="ok">built in</td>
            </tr>
            {(indexes.data ?? []).map((index) => (
              <tr key={index.name}>
                <td className="mono">
                  {index.name}
                  {index.staged && <span className="pill"> staged</span>}
                </td>
                <td className="mono">{describeFields(index.fields)}</td>
                <td className={index.backfill.state === 'done' ? 'ok' : 'warn'}>{stateLabel[index.backfill.state]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
