'use client';
import { usePaginatedQuery } from '@selfhost/client/react';
import Link from 'next/link';
import { useEffect, useRef, useState } from 'react';
import { formatValue } from '../../lib/format-value.ts';
import { system, type Document } from '../../lib/system-functions.ts';
import { isTyping } from '../../session/use-go-shortcuts.ts';
import { gridColumns } from './grid-columns.ts';

type Props = {
  table: string;
  filters: string | null;
  /** Whether any filter clause is on (`filters` also carries the sort order and index). */
  filtered: boolean;
  schemaFields: string[];
  /** Fields declared `v.id("table")`: field → table, rendered as links to the document. */
  references: Record<string, string>;
  selectedIds: ReadonlySet<string>;
  onSelectionChange: (ids: Set<string>) => void;
  onEdit: (document: Document) => void;
  onNew: () => void;
  onDelete: () => void;
  onColumns: (columns: string[]) => void;
};

const pageSize = 50;

/**
 * The live document grid: pages of `paginatedTableDocuments`, more on scroll. Keyboard: `j`/`k`
 * move, `x` toggles selection, Enter edits, `n` adds, Delete deletes the selection.
 */
export function DocumentGrid({ table, filters, filtered, schemaFields, references, selectedIds, onSelectionChange, onEdit, onNew, onDelete, onColumns }: Props) {
  const { results, status, loadMore } = usePaginatedQuery(system.paginatedTableDocuments, { table, filters }, { initialNumItems: pageSize });
  const documents: Document[] = results;
  const columns = gridColumns(documents, schemaFields);
  const columnsKey = columns.join('\u0000');
  const [cursor, setCursor] = useState(0);
  const wrap = useRef<HTMLDivElement>(null);

  useEffect(() => onColumns(columnsKey.split('\u0000')), [columnsKey, onColumns]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.metaKey || event.ctrlKey || event.altKey || isTyping(event.target) || document.querySelector('.overlay')) return;
      const current = documents[cursor];
      if (event.key === 'j' || event.key === 'ArrowDown') setCursor((c) => Math.min(c + 1, documents.length - 1));
      else if (event.key === 'k' || event.key === 'ArrowUp') setCursor((c) => Math.max(c - 1, 0));
      else if (event.key === 'Enter' && current) onEdit(current);
      else if (event.key === 'x' && current) toggle(current._id);
      else if (event.key === 'n') onNew();
      else if ((event.key === 'Delete' || event.key === 'Backspace') && selectedIds.size > 0) onDelete();
      else return;
      event.preventDefault();
    };
    const toggle = (id: string) => {
      const next = new Set(selectedIds);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      onSelectionChange(next);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [documents, cursor, selectedIds, onEdit, onNew, onDelete, onSelectionChange]);

  const onScroll = () => {
    const el = wrap.current;
    if (el && status === 'CanLoadMore' && el.scrollTop + el.clientHeight > el.scrollHeight - 200) loadMore(pageSize);
  };

  if (status === 'LoadingFirstPage') return <p className="muted">Loading documents…</p>;
  const allSelected = documents.length > 0 && documents.every((d) => selectedIds.has(d._id));
  return (
    <>
      <div className="grid-wrap" ref={wrap} onScroll={onScroll}>
        <table className="grid" aria-label={`Documents of ${table}`}>
          <thead>
            <tr>
              <th>
                <input
                  type="checkbox"
                  aria-label="Select all"
                  checked={allSelected}
                  onChange={() => onSelectionChange(allSelected ? new Set() : new Set(documents.map((d) => d._id)))}
                />
              </th>
              {columns.map((column) => (
                <th key={column}>{column}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {documents.map((document, i) => (
              <tr
                key={document._id}
                className={i === cursor ? 'selected' : undefined}
                onClick={() => setCursor(i)}
                onDoubleClick={() => onEdit(document)}
                data-id={document._id}
              >
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Select ${document._id}`}
                    checked={selectedIds.has(document._id)}
                    onChange={() => {
                      const next = new Set(selectedIds);
                      if (next.has(document._id)) next.delete(document._id);
                      else next.add(document._id);
                      onSelectionChange(next);
                    }}
                  />
                </td>
                {columns.map((column) => {
                  const value = document[column];
                  const text = column === '_creationTime' ? new Date(document._creationTime).toLocaleString() : formatValue(value);
                  const target = references[column];
                  return (
                    <td key={column} className={value === undefined ? 'unset' : undefined} title={formatValue(value)}>
                      {target !== undefined && typeof value === 'string' ? (
                        <Link href={`/data?table=${encodeURIComponent(target)}&id=${encodeURIComponent(value)}`}>{text}</Link>
                      ) : (
                        text
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
        {documents.length === 0 && <p className="muted" style={{ padding: '8px 12px' }}>No documents{filtered ? ' match the filters' : ''}.</p>}
      </div>
      <div className="row muted" style={{ marginTop: 6 }}>
        {documents.length.toLocaleString()} loaded
        {status === 'CanLoadMore' && <button onClick={() => loadMore(pageSize)}>Load more</button>}
        {status === 'LoadingMore' && <span>Loading more…</span>}
        <span className="spacer" />
        <span>
          <kbd>j</kbd>/<kbd>k</kbd> move · <kbd>x</kbd> select · <kbd>Enter</kbd> edit · <kbd>n</kbd> new
        </span>
      </div>
    </>
  );
}
