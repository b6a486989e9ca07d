'use client';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { Suspense } from 'react';
import { TableList } from './table-list.tsx';
import { TableView } from './table-view.tsx';
import { useSchemas } from './use-active-schema.ts';

/** Data: the tables on the left, the selected one (`?table=`) on the right. */
export function DataPage() {
  return (
    <Suspense fallback={<p className="muted">Loading…</p>}>
      <DataPageContent />
    </Suspense>
  );
}

function DataPageContent() {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const table = params.get('table');
  const id = params.get('id');
  const schemas = useSchemas();
  const schemaTable = schemas?.active?.tables.find((t) => t.tableName === table) ?? null;
  return (
    <div className="split">
      <TableList selected={table} onSelect={(name) => router.push(`${pathname}?table=${encodeURIComponent(name)}`)} />
      <div style={{ minWidth: 0 }}>
        {table === null ? (
          <p className="muted">Choose a table.</p>
        ) : (
          <TableView key={`${table}|${id ?? ''}`} table={table} schemaTable={schemaTable} initialId={id} />
        )}
      </div>
    </div>
  );
}
