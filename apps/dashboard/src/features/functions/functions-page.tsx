'use client';
import type { ValidatorJSON } from '@selfhost/client/values';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useLiveQuery } from '../../components/use-live-query.ts';
import { validatorSource } from '../../lib/schema-json.ts';
import { system, type ModuleFunction } from '../../lib/system-functions.ts';
import { isTyping } from '../../session/use-go-shortcuts.ts';
import { functionPath } from './function-path.ts';
import { FunctionRunner } from './function-runner.tsx';

type Entry = { modulePath: string; fn: ModuleFunction; path: string };

function parseValidator(text: string | undefined): ValidatorJSON | null {
  if (text === undefined || text === 'null' || text === '') return null;
  try {
    return JSON.parse(text) as ValidatorJSON;
  } catch {
    return null;
  }
}

/** Functions: every module's functions and HTTP routes; select one to see its validators and run it. */
export function FunctionsPage() {
  const modules = useLiveQuery(system.modules, {});
  const [search, setSearch] = useState('');
  const [selected, setSelected] = useState<string | null>(null);
  const searchBox = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === '/' && !isTyping(event.target)) {
        event.preventDefault();
        searchBox.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const entries = useMemo<Entry[]>(
    () =>
      modules.status === 'success'
        ? modules.data.flatMap(([modulePath, module]) => module.functions.map((fn) => ({ modulePath, fn, path: functionPath(modulePath, fn.name) })))
        : [],
    [modules],
  );
  if (modules.status === 'pending') return <p className="muted">Loading functions…</p>;
  if (modules.status === 'error') return <p role="alert" className="error">Could not list functions: {modules.error.message}</p>;
  const needle = search.toLowerCase();
  const visible = entries.filter((e) => e.path.toLowerCase().includes(needle));
  const current = entries.find((e) => e.path === selected) ?? null;
  const byModule = new Map<string, Entry[]>();
  for (const entry of visible) byModule.set(entry.modulePath, [...(byModule.get(entry.modulePath) ?? []), entry]);

  return (
    <div className="split" style={{ gridTemplateColumns: '300px 1fr' }}>
      <div className="list" aria-label="Functions">
        <div className="group">
          <input ref={searchBox} placeholder="Search functions  /" aria-label="Search functions" value={search} onChange={(e) => setSearch(e.target.value)} style={{ width: '100%' }} />
        </div>
        {entries.length === 0 && <p className="muted" style={{ padding: '6px 10px' }}>Nothing deployed yet. Run <code>npx convex deploy</code>.</p>}
        {[...byModule].map(([modulePath, items]) => (
          <div key={modulePath}>
            <div className="group">{modulePath}</div>
            {items.map((entry) => (
              <button key={entry.path} className={entry.path === selected ? 'selected' : undefined} onClick={() => setSelected(entry.path)}>
                <span className="mono">{entry.fn.name}</span>
                <span className={`pill ${entry.fn.udfType.toLowerCase()} ${entry.fn.visibility.kind}`}>
                  {entry.fn.udfType === 'HttpAction' ? 'HTTP' : entry.fn.udfType.toLowerCase()}
                  {entry.fn.visibility.kind === 'internal' ? ' · internal' : ''}
                </span>
              </button>
            ))}
          </div>
        ))}
      </div>
      <div style={{ minWidth: 0 }}>{current === null ? <p className="muted">Choose a function.</p> : <FunctionDetail key={current.path} entry={current} />}</div>
    </div>
  );
}

function FunctionDetail({ entry }: { entry: Entry }) {
  const { fn } = entry;
  if (fn.udfType === 'HttpAction') {
    return (
      <section>
        <h1 className="mono">{fn.name}</h1>
        <p>
          HTTP action route, served on the HTTP actions URL (port 3211 by default) at <code>{fn.name.split(' ')[1]}</code>.
        </p>
      </section>
    );
  }
  const args = parseValidator(fn.argsValidator) ?? { type: 'any' };
  const returns = parseValidator(fn.returns);
  return (
    <section>
      <div className="row">
        <h1 className="mono" style={{ margin: 0 }}>
          {entry.path}
        </h1>
        <span className={`pill ${fn.udfType.toLowerCase()}`}>{fn.udfType.toLowerCase()}</span>
        <span className="pill">{fn.visibility.kind}</span>
      </div>
      <table className="plain" style={{ margin: '10px 0' }}>
        <tbody>
          <tr>
            <th>Arguments</th>
            <td className="mono">{validatorSource(args)}</td>
          </tr>
          <tr>
            <th>Returns</th>
            <td className="mono">{returns === null ? <span className="muted">not declared</span> : validatorSource(returns)}</td>
          </tr>
        </tbody>
      </table>
      <FunctionRunner path={entry.path} udfType={fn.udfType} argsValidator={args} />
    </section>
  );
}
