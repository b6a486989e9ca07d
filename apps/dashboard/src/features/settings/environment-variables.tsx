'use client';
import { useState, type KeyboardEvent } from 'react';
import { useLiveQuery } from '../../components/use-live-query.ts';
import { updateEnvironmentVariables } from '@selfhost/client/admin';
import { parseDotenv } from '../../lib/dotenv.ts';
import { system } from '../../lib/system-functions.ts';
import { useDeployment } from '../../session/deployment-context.ts';

const namePattern = /^[a-zA-Z_]+[a-zA-Z0-9_]*$/;

/** Environment variables: list (live), add, edit, delete, and paste a `.env`. */
export function EnvironmentVariables() {
  const { credentials } = useDeployment();
  const variables = useLiveQuery(system.listEnvironmentVariables, {});
  const [editing, setEditing] = useState<{ original: string | null; name: string; value: string } | null>(null);
  const [pasting, setPasting] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const change = async (changes: { name: string; value: string | null }[]) => {
    setBusy(true);
    setError(null);
    try {
      await updateEnvironmentVariables(credentials, changes);
      return true;
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const save = async () => {
    if (editing === null) return;
    const changes = [{ name: editing.name.trim(), value: editing.value }];
    if (editing.original !== null && editing.original !== editing.name.trim()) changes.push({ name: editing.original, value: null as never });
    if (await change(changes)) setEditing(null);
  };
  const nameProblem = editing && !namePattern.test(editing.name.trim()) ? 'Letters, digits and _, not starting with a digit.' : null;
  const parsed = pasting === null ? null : parseDotenv(pasting);

  return (
    <div className="panel" aria-label="Environment variables">
      <div className="row">
        <h2 style={{ margin: 0 }}>Environment variables</h2>
        <span className="spacer" />
        <button onClick={() => setEditing({ original: null, name: '', value: '' })}>+ Add</button>
        <button onClick={() => setPasting('')}>Paste .env</button>
      </div>
      <p className="muted">Functions read them as <code>process.env.NAME</code>. Changes apply at once; live queries re-run.</p>
      {error !== null && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {variables.status === 'error' && <p className="error">{variables.error.message}</p>}
      <table className="plain">
        <thead>
          <tr>
            <th>Name</th>
            <th>Value</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {variables.status === 'pending' && (
            <tr>
              <td colSpan={3} className="muted">
                Loading…
              </td>
            </tr>
          )}
          {editing?.original === null && <EditRow editing={editing} setEditing={setEditing} save={save} busy={busy} problem={nameProblem} />}
          {variables.status === 'success' &&
            variables.data.map((variable) =>
              editing?.original === variable.name ? (
                <EditRow key={variable.name} editing={editing} setEditing={setEditing} save={save} busy={busy} problem={nameProblem} />
              ) : (
                <tr key={variable.name}>
                  <td className="mono">{variable.name}</td>
                  <td className="mono" style={{ wordBreak: 'break-all' }}>
                    {variable.value}
                  </td>
                  <td className="row">
                    <button onClick={() => setEditing({ original: variable.name, name: variable.name, value: variable.value })}>Edit</button>
                    <button className="danger" disabled={busy} onClick={() => void change([{ name: variable.name, value: null }])} aria-label={`Delete ${variable.name}`}>
                      Delete
                    </button>
                  </td>
                </tr>
              ),
            )}
          {variables.status === 'success' && variables.data.length === 0 && editing === null && (
            <tr>
              <td colSpan={3} className="muted">
                None yet.
              </td>
            </tr>
          )}
        </tbody>
      </table>
      {pasting !== null && parsed !== null && (
        <div className="overlay" role="dialog" aria-label="Paste .env" onKeyDown={(e) => e.key === 'Escape' && setPasting(null)}>
          <div className="dialog">
            <h2>Paste a .env file</h2>
            <textarea className="code" aria-label=".env text" autoFocus value={pasting} placeholder={'API_KEY=…\nFEATURE_FLAG=on'} onChange={(e) => setPasting(e.target.value)} />
            {parsed.problems.length > 0 && (
              <ul className="problems">
                {parsed.problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            )}
            <p className="muted">{parsed.variables.length} variable(s) will be set: {parsed.variables.map((v) => v.name).join(', ')}</p>
            <div className="row">
              <button
                className="primary"
                disabled={busy || parsed.variables.length === 0 || parsed.problems.length > 0}
                onClick={() => void change(parsed.variables).then((ok) => ok && setPasting(null))}
              >
                Set {parsed.variables.length}
              </button>
              <button onClick={() => setPasting(null)}>Cancel</button>
            </div>
          </div>
        </div>
      )}
    </div>
  );
}

type EditState = { original: string | null; name: string; value: string };

function EditRow(props: { editing: EditState; setEditing: (e: EditState | null) => void; save: () => Promise<void>; busy: boolean; problem: string | null }) {
  const { editing, setEditing, save, busy, problem } = props;
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && problem === null) void save();
    if (e.key === 'Escape') setEditing(null);
  };
  return (
    <tr>
      <td>
        <input autoFocus={editing.original === null} aria-label="Variable name" className="mono" value={editing.name} onChange={(e) => setEditing({ ...editing, name: e.target.value })} onKeyDown={onKey} />
        {problem !== null && editing.name !== '' && <div className="error">{problem}</div>}
      </td>
      <td>
        <input autoFocus={editing.original !== null} aria-label="Variable value" className="mono" style={{ width: '100%' }} value={editing.value} onChange={(e) => setEditing({ ...editing, value: e.target.value })} onKeyDown={onKey} />
      </td>
      <td className="row">
        <button className="primary" disabled={busy || problem !== null} onClick={() => void save()}>
          Save
        </button>
        <button onClick={() => setEditing(null)}>Cancel</button>
      </td>
    </tr>
  );
}
