'use client';
import { useMutation } from '@selfhost/client/react';
import type { Value, ValidatorJSON } from '@selfhost/client/values';
import { useMemo, useState } from 'react';
import { asObject } from '../../lib/as-object.ts';
import { formatValue } from '../../lib/format-value.ts';
import { parseJson5 } from '../../lib/json5.ts';
import { system, type Document } from '../../lib/system-functions.ts';
import { validatorProblems, type ValidatorProblem } from '../../lib/validator-errors.ts';
import { errorMessage } from '../../lib/error-message.ts';

type Props = {
  table: string;
  /** The table's document validator from the active schema, when it has one. */
  documentType: ValidatorJSON | null;
  /** The document to edit, or null to add one. */
  document: Document | null;
  onClose: () => void;
};

function check(text: string, documentType: ValidatorJSON | null): { value: Value | null; problems: ValidatorProblem[] } {
  let value: Value;
  try {
    value = parseJson5(text);
  } catch (error) {
    return { value: null, problems: [{ path: '', message: errorMessage(error) }] };
  }
  const object = asObject(value);
  if (object === null) return { value: null, problems: [{ path: '', message: 'A document is an object: { field: value, … }' }] };
  return { value: object, problems: documentType === null ? [] : validatorProblems(documentType, object) };
}

/**
 * Add or edit one document as JSON5 text (`12n` for an int64). The text is checked against the
 * table's schema while typing, and a validation error from the server is shown in place too.
 */
export function DocumentEditor({ table, documentType, document, onClose }: Props) {
  const initial = useMemo(() => {
    if (document === null) return '{\n  \n}';
    const { _id: _ignoredId, _creationTime: _ignoredTime, ...fields } = document;
    return formatValue(fields, 2);
  }, [document]);
  const [text, setText] = useState(initial);
  const [serverError, setServerError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const addDocument = useMutation(system.addDocument);
  const replaceDocument = useMutation(system.replaceDocument);
  const { value, problems } = check(text, documentType);

  const save = async () => {
    if (value === null || problems.length > 0) return;
    setSaving(true);
    setServerError(null);
    try {
      const result = document === null ? await addDocument({ table, documents: [value] }) : await replaceDocument({ id: document._id, document: value });
      if (result.success) onClose();
      else setServerError(result.error);
    } catch (error) {
      setServerError(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="overlay" role="dialog" aria-label={document === null ? `Add a document to ${table}` : `Edit document ${document._id}`} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div className="dialog">
        <h2>{document === null ? `Add a document to ${table}` : `Edit ${document._id}`}</h2>
        <textarea
          className="code"
          aria-label="Document"
          value={text}
          autoFocus
          spellCheck={false}
          rows={Math.min(24, Math.max(8, text.split('\n').length + 1))}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void save();
          }}
        />
        {problems.length > 0 && (
          <ul className="problems" aria-label="Problems">
            {problems.map((p, i) => (
              <li key={i}>
                {p.path !== '' && <code>{p.path}</code>} {p.message}
              </li>
            ))}
          </ul>
        )}
        {serverError !== null && (
          <p role="alert" className="error">
            {serverError}
          </p>
        )}
        <p className="muted">
          JSON5: unquoted keys, trailing commas and comments are fine. Write int64 values as <code>12n</code>. {documentType === null ? 'This table has no schema.' : 'Checked against the schema as you type.'}
        </p>
        <div className="row">
          <button className="primary" disabled={value === null || problems.length > 0 || saving} onClick={() => void save()}>
            {saving ? 'Saving…' : document === null ? 'Add' : 'Save'} <kbd>Ctrl+Enter</kbd>
          </button>
          <button onClick={onClose}>Cancel</button>
        </div>
      </div>
    </div>
  );
}
