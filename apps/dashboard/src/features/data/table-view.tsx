'use client';
import { useMutation } from '@selfhost/client/react';
import { useCallback, useMemo, useState } from 'react';
import { ErrorBoundary } from '../../components/error-boundary.tsx';
import { encodeFilters, type FilterClause } from '../../lib/encode-filters.ts';
import type { SchemaTable } from '../../lib/schema-json.ts';
import { system, type Document } from '../../lib/system-functions.ts';
import { ConfirmDialog } from './confirm-dialog.tsx';
import { DocumentEditor } from './document-editor.tsx';
import { DocumentGrid } from './document-grid.tsx';
import { FilterBar } from './filter-bar.tsx';
import { IndexesPanel } from './indexes-panel.tsx';

type Dialog = { kind: 'edit'; document: Document | null } | { kind: 'delete' } | { kind: 'clear' } | null;

/** One table: sort, filters, the live grid, add/edit/delete, clear, and its indexes. */
export function TableView({ table, schemaTable, initialId }: { table: string; schemaTable: SchemaTable | null; initialId: string | null }) {
  // `?id=` (a followed reference) opens the table filtered to that document.
  const [clauses, setClauses] = useState<FilterClause[]>(() => (initialId === null ? [] : [{ id: 'ref', field: '_id', op: 'eq', value: initialId, enabled: true }]));
  const [order, setOrder] = useState<'asc' | 'desc'>('desc');
  const [indexName, setIndexName] = useState('by_creation_time');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [dialog, setDialog] = useState<Dialog>(null);
  const [showIndexes, setShowIndexes] = useState(false);
  const [columns, setColumns] = useState<string[]>([]);
  const deleteDocuments = useMutation(system.deleteDocuments);
  const clearTablePage = useMutation(system.clearTablePage);

  const schemaFields = useMemo(() => {
    const type = schemaTable?.documentType;
    return type?.type === 'object' ? Object.keys(type.value) : [];
  }, [schemaTable]);
  const references = useMemo(() => {
    const type = schemaTable?.documentType;
    if (type?.type !== 'object') return {};
    return Object.fromEntries(
      Object.entries(type.value).flatMap(([field, { fieldType }]) => (fieldType.type === 'id' ? [[field, fieldType.tableName]] : [])),
    );
  }, [schemaTable]);
  const filters = encodeFilters({
    clauses,
    order,
    ...(indexName === 'by_creation_time' ? {} : { index: { name: indexName, clauses: [] } }),
  });
  const indexes = [{ indexDescriptor: 'by_creation_time', fields: ['_creationTime'] }, ...(schemaTable?.indexes ?? [])];

  const edit = useCallback((document: Document) => setDialog({ kind: 'edit', document }), []);
  const add = useCallback(() => setDialog({ kind: 'edit', document: null }), []);
  const askDelete = useCallback(() => setDialog({ kind: 'delete' }), []);

  return (
    <section>
      <div className="row" style={{ marginBottom: 8 }}>
        <h1 style={{ margin: 0 }}>{table}</h1>
        <span className="spacer" />
        <label className="muted">
          Sort by{' '}
          <select aria-label="Sort by index" value={indexName} onChange={(e) => setIndexName(e.target.value)}>
            {indexes.map((index) => (
              <option key={index.indexDescriptor} value={index.indexDescriptor}>
                {index.indexDescriptor} ({index.fields.join(', ')})
              </option>
            ))}
          </select>
        </label>
        <button aria-label="Toggle sort order" onClick={() => setOrder((o) => (o === 'asc' ? 'desc' : 'asc'))}>
          {order === 'asc' ? '↑ ascending' : '↓ descending'}
        </button>
        <button className="primary" onClick={add}>
          + Add document
        </button>
        <button className="danger" disabled={selected.size === 0} onClick={askDelete}>
          Delete {selected.size > 0 ? selected.size : ''}
        </button>
        <button onClick={() => setShowIndexes((s) => !s)}>Indexes</button>
        <button className="danger" onClick={() => setDialog({ kind: 'clear' })}>
          Clear table
        </button>
      </div>
      <FilterBar key={table} fields={columns} initial={clauses} onApply={setClauses} />
      {showIndexes && <IndexesPanel table={table} />}
      <ErrorBoundary what={`the documents of ${table}`} resetKey={`${table}|${filters ?? ''}`}>
        <DocumentGrid
          table={table}
          filters={filters}
          filtered={clauses.some((clause) => clause.enabled && clause.field !== '')}
          schemaFields={schemaFields}
          references={references}
          selectedIds={selected}
          onSelectionChange={setSelected}
          onEdit={edit}
          onNew={add}
          onDelete={askDelete}
          onColumns={setColumns}
        />
      </ErrorBoundary>
      {dialog?.kind === 'edit' && (
        <DocumentEditor table={table} documentType={schemaTable?.documentType ?? null} document={dialog.document} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'delete' && (
        <ConfirmDialog
          title={`Delete ${selected.size} document${selected.size === 1 ? '' : 's'}?`}
          confirmLabel="Delete"
          onClose={() => setDialog(null)}
          onConfirm={async () => {
            const result = await deleteDocuments({ toDelete: [...selected].map((id) => ({ id, tableName: table })) });
            if (!result.success) throw new Error(result.error);
            setSelected(new Set());
          }}
        >
          <p>This cannot be undone.</p>
        </ConfirmDialog>
      )}
      {dialog?.kind === 'clear' && (
        <ConfirmDialog
          title={`Delete every document of ${table}?`}
          confirmLabel="Clear table"
          typeToConfirm={table}
          onClose={() => setDialog(null)}
          onConfirm={async () => {
            let cursor: string | null = null;
            for (;;) {
              const page: { hasMore: boolean; continueCursor: string } = await clearTablePage({ tableName: table, cursor });
              if (!page.hasMore) break;
              cursor = page.continueCursor;
            }
            setSelected(new Set());
          }}
        >
          <p>The table and its indexes stay; all its documents are deleted, page by page. This cannot be undone.</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
