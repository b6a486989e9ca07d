'use client';
import { useLiveQuery } from '../../components/use-live-query.ts';
import { system } from '../../lib/system-functions.ts';

/** The user tables with live document counts; the selected one is highlighted. */
export function TableList({ selected, onSelect }: { selected: string | null; onSelect: (table: string) => void }) {
  const mapping = useLiveQuery(system.getTableMapping, {});
  if (mapping.status === 'pending') return <p className="muted">Loading tables…</p>;
  if (mapping.status === 'error') return <p className="error">Could not list tables: {mapping.error.message}</p>;
  const tables = Object.values(mapping.data)
    .filter((name) => !name.startsWith('_'))
    .sort((a, b) => a.localeCompare(b));
  return (
    <div className="list" role="listbox" aria-label="Tables">
      <div className="group">Tables ({tables.length})</div>
      {tables.length === 0 && <p className="muted" style={{ padding: '6px 10px' }}>No tables yet. Deploy a schema or insert a document.</p>}
      {tables.map((name) => (
        <button key={name} role="option" aria-selected={name === selected} className={name === selected ? 'selected' : undefined} onClick={() => onSelect(name)}>
          <span>{name}</span>
          <TableCount table={name} />
        </button>
      ))}
    </div>
  );
}

function TableCount({ table }: { table: string }) {
  const size = useLiveQuery(system.tableSize, { tableName: table });
  return <span className="muted">{size.status === 'success' ? size.data.toLocaleString() : size.status === 'error' ? '?' : '…'}</span>;
}
