'use client';
import Link from 'next/link';
import { useState } from 'react';
import { idReferences, validatorSource, type Schema, type SchemaTable } from '../../lib/schema-json.ts';
import { useSchemas } from '../data/use-active-schema.ts';

/** Schema: each table's fields and validators, indexes, and the tables its `v.id()` fields point to. */
export function SchemaPage() {
  const schemas = useSchemas();
  const [showInProgress, setShowInProgress] = useState(false);
  if (schemas === undefined) return <p className="muted">Loading schema…</p>;
  if (schemas.error !== null) return <p role="alert" className="error">Could not load the schema: {schemas.error}</p>;
  const schema: Schema | null = showInProgress ? schemas.inProgress : schemas.active;
  return (
    <section>
      <div className="row">
        <h1 style={{ margin: 0 }}>Schema</h1>
        <span className="spacer" />
        {schemas.inProgress !== null && (
          <label>
            <input type="checkbox" checked={showInProgress} onChange={(e) => setShowInProgress(e.target.checked)} /> Show the schema being pushed
          </label>
        )}
      </div>
      {schema === null ? (
        <p className="muted">No schema deployed: tables accept any document. Add a <code>convex/schema.ts</code> and deploy.</p>
      ) : (
        <>
          <p className="muted">
            {schema.tables.length} table{schema.tables.length === 1 ? '' : 's'} · schema validation {schema.schemaValidation ? 'on' : 'off'}
          </p>
          {schema.tables.map((table) => (
            <TableSchema key={table.tableName} table={table} />
          ))}
        </>
      )}
    </section>
  );
}

function TableSchema({ table }: { table: SchemaTable }) {
  const type = table.documentType;
  const references = idReferences(type);
  return (
    <div className="panel" id={`table-${table.tableName}`} aria-label={`Table ${table.tableName}`}>
      <div className="row">
        <h2 style={{ margin: 0 }}>{table.tableName}</h2>
        <Link href={`/data?table=${encodeURIComponent(table.tableName)}`}>open data</Link>
      </div>
      <h3>Fields</h3>
      {type === null || type.type === 'any' ? (
        <p className="muted">Any document.</p>
      ) : type.type === 'object' ? (
        <table className="plain">
          <thead>
            <tr>
              <th>Field</th>
              <th>Validator</th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(type.value).map(([name, field]) => (
              <tr key={name}>
                <td className="mono">
                  {name}
                  {field.optional && <span className="muted">?</span>}
                </td>
                <td className="mono">{validatorSource(field.fieldType)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <pre>{validatorSource(type)}</pre>
      )}
      <h3>Indexes</h3>
      <ul>
        <li className="mono">by_creation_time (_creationTime) <span className="muted">built in</span></li>
        {table.indexes.map((index) => (
          <li key={index.indexDescriptor} className="mono">
            {index.indexDescriptor} ({index.fields.join(', ')})
          </li>
        ))}
        {(table.stagedDbIndexes ?? []).map((index) => (
          <li key={index.indexDescriptor} className="mono">
            {index.indexDescriptor} ({index.fields.join(', ')}) <span className="pill">staged</span>
          </li>
        ))}
        {(table.searchIndexes ?? []).map((index) => (
          <li key={index.indexDescriptor} className="mono">
            {index.indexDescriptor} search {index.searchField}
            {index.filterFields.length > 0 && ` filter ${index.filterFields.join(', ')}`}
          </li>
        ))}
        {(table.vectorIndexes ?? []).map((index) => (
          <li key={index.indexDescriptor} className="mono">
            {index.indexDescriptor} vector {index.vectorField} [{index.dimensions}]
          </li>
        ))}
      </ul>
      {references.length > 0 && (
        <>
          <h3>References</h3>
          <ul>
            {references.map((reference) => (
              <li key={reference.path}>
                <code>{reference.path}</code> → <Link href={`/data?table=${encodeURIComponent(reference.tableName)}`}>{reference.tableName}</Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
