'use client';
import { convexToJson } from '@selfhost/client/values';
import { useState } from 'react';
import type { FilterClause } from '../../lib/encode-filters.ts';
import { parseJson5 } from '../../lib/json5.ts';

const operators: { op: FilterClause['op']; label: string }[] = [
  { op: 'eq', label: '=' },
  { op: 'neq', label: '≠' },
  { op: 'gt', label: '>' },
  { op: 'gte', label: '≥' },
  { op: 'lt', label: '<' },
  { op: 'lte', label: '≤' },
  { op: 'type', label: 'is type' },
  { op: 'notype', label: 'is not type' },
];
const typeNames = ['string', 'number', 'bigint', 'boolean', 'null', 'id', 'array', 'object', 'bytes', 'unset'];

/** A filter row being edited: the value as typed, and whether it parses. */
type Draft = { id: string; field: string; op: FilterClause['op']; text: string; enabled: boolean };

function toClause(draft: Draft): { clause: FilterClause | null; error: string | null } {
  const base = { id: draft.id, field: draft.field.trim(), op: draft.op, enabled: draft.enabled };
  if (draft.op === 'type' || draft.op === 'notype') return { clause: { ...base, value: draft.text || 'string' }, error: null };
  if (draft.text.trim() === '') return { clause: base, error: null };
  try {
    return { clause: { ...base, value: convexToJson(parseJson5(draft.text)) }, error: null };
  } catch (error) {
    return { clause: null, error: error instanceof Error ? error.message : String(error) };
  }
}

let nextId = 0;

/**
 * Filter rows: field, operator and a typed value (JSON5: `"text"`, `12`, `12n`, `true`, `null`, `[…]`).
 * Applied together (AND) when the user presses Apply or Enter.
 */
export function FilterBar({ fields, initial, onApply }: { fields: string[]; initial: FilterClause[]; onApply: (clauses: FilterClause[]) => void }) {
  const [drafts, setDrafts] = useState<Draft[]>(() =>
    initial.map((clause) => ({
      id: clause.id,
      field: clause.field,
      op: clause.op,
      text: clause.value === undefined ? '' : typeof clause.value === 'string' && (clause.op === 'type' || clause.op === 'notype') ? clause.value : JSON.stringify(clause.value),
      enabled: clause.enabled,
    })),
  );
  const results = drafts.map(toClause);
  const valid = results.every((r) => r.error === null);
  const update = (id: string, change: Partial<Draft>) => setDrafts((all) => all.map((d) => (d.id === id ? { ...d, ...change } : d)));
  const apply = (next = drafts) => {
    const parsed = next.map(toClause);
    if (parsed.every((r) => r.error === null)) onApply(parsed.flatMap((r) => (r.clause ? [r.clause] : [])));
  };
  const add = () => setDrafts((all) => [...all, { id: `f${nextId++}`, field: fields.find((f) => f !== '_id') ?? '', op: 'eq', text: '', enabled: true }]);
  return (
    <div className="panel" aria-label="Filters">
      <datalist id="filter-fields">
        {fields.map((field) => (
          <option key={field} value={field} />
        ))}
      </datalist>
      {drafts.map((draft, i) => (
        <div key={draft.id} className="row" style={{ marginBottom: 6 }}>
          <input type="checkbox" checked={draft.enabled} onChange={(e) => update(draft.id, { enabled: e.target.checked })} aria-label="Enabled" />
          <input
            list="filter-fields"
            placeholder="field"
            aria-label="Filter field"
            value={draft.field}
            onChange={(e) => update(draft.id, { field: e.target.value })}
            data-filter-input=""
          />
          <select aria-label="Operator" value={draft.op} onChange={(e) => update(draft.id, { op: e.target.value as FilterClause['op'], text: '' })}>
            {operators.map((o) => (
              <option key={o.op} value={o.op}>
                {o.label}
              </option>
            ))}
          </select>
          {draft.op === 'type' || draft.op === 'notype' ? (
            <select aria-label="Type" value={draft.text || 'string'} onChange={(e) => update(draft.id, { text: e.target.value })}>
              {typeNames.map((t) => (
                <option key={t}>{t}</option>
              ))}
            </select>
          ) : (
            <input
              className="mono"
              placeholder='value, e.g. "text", 12, 12n, true'
              aria-label="Filter value"
              value={draft.text}
              onChange={(e) => update(draft.id, { text: e.target.value })}
              onKeyDown={(e) => e.key === 'Enter' && apply()}
            />
          )}
          <button aria-label="Remove filter" onClick={() => {
            const next = drafts.filter((d) => d.id !== draft.id);
            setDrafts(next);
            apply(next);
          }}>
            ✕
          </button>
          {results[i]?.error && <span className="error">{results[i]?.error}</span>}
        </div>
      ))}
      <div className="row">
        <button onClick={add}>+ Filter</button>
        {drafts.length > 0 && (
          <button className="primary" disabled={!valid} onClick={() => apply()}>
            Apply
          </button>
        )}
      </div>
    </div>
  );
}
