'use client';
import { useEffect, useMemo, useRef, useState } from 'react';
import { logLevels } from '../../lib/log-entry.ts';
import { matchesLogFilter, type LevelFilter } from './log-filter.ts';
import { formatDuration } from '../../lib/format-units.ts';
import { useDeployment } from '../../session/deployment-context.ts';
import { isTyping } from '../../session/use-go-shortcuts.ts';
import { useLogStream } from './use-log-stream.ts';

/** Logs: a live tail of executions and console lines, with filters and pause/resume (`p`). */
export function LogsPage() {
  const { credentials } = useDeployment();
  const { rows, error } = useLogStream(credentials);
  const [paused, setPaused] = useState<number | null>(null);
  const [fn, setFn] = useState('');
  const [level, setLevel] = useState<LevelFilter>('all');
  const [text, setText] = useState('');
  const search = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLDivElement>(null);

  const shown = useMemo(() => {
    const upTo = paused === null ? rows : rows.slice(0, paused);
    return upTo.filter((row) => matchesLogFilter(row, { fn, level, text }));
  }, [rows, paused, fn, level, text]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isTyping(event.target) || event.metaKey || event.ctrlKey) return;
      if (event.key === 'p') setPaused((p) => (p === null ? rows.length : null));
      else if (event.key === '/') {
        event.preventDefault();
        search.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [rows.length]);

  useEffect(() => {
    // Follow the tail while live, unless the user scrolled up.
    const el = list.current;
    if (el && paused === null && el.scrollHeight - el.scrollTop - el.clientHeight < 120) el.scrollTop = el.scrollHeight;
  }, [shown, paused]);

  const waiting = paused === null ? 0 : rows.length - paused;
  return (
    <section>
      <div className="row" style={{ marginBottom: 8 }}>
        <h1 style={{ margin: 0 }}>Logs</h1>
        <input placeholder="Function" aria-label="Filter by function" value={fn} onChange={(e) => setFn(e.target.value)} />
        <select aria-label="Level" value={level} onChange={(e) => setLevel(e.target.value as LevelFilter)}>
          <option value="all">All</option>
          {logLevels.map((l) => (
            <option key={l} value={l}>
              {l} and above
            </option>
          ))}
          <option value="failures">Failures</option>
        </select>
        <input ref={search} placeholder="Search text  /" aria-label="Search logs" value={text} onChange={(e) => setText(e.target.value)} />
        <span className="spacer" />
        <button onClick={() => setPaused((p) => (p === null ? rows.length : null))} aria-pressed={paused !== null}>
          {paused === null ? 'Pause' : `Resume${waiting > 0 ? ` (${waiting} new)` : ''}`} <kbd>p</kbd>
        </button>
      </div>
      {error !== null && (
        <p role="alert" className="error">
          {error} Retrying…
        </p>
      )}
      <div className="logs" ref={list} aria-label="Log lines">
        {shown.length === 0 && <p className="muted" style={{ padding: '8px 10px' }}>{rows.length === 0 ? 'Waiting for function executions…' : 'No lines match the filters.'}</p>}
        {shown.map((row) => (
          <div key={row.key} className={`log-row ${row.kind === 'console' ? row.level : row.success ? 'success' : 'failure'}`}>
            <span className="muted">{new Date(row.timestamp).toLocaleTimeString()}</span>
            <span>{row.kind === 'console' ? row.level : row.success ? 'done' : 'failed'}</span>
            <span title={row.udfType}>
              {row.udfType.charAt(0)} {row.identifier}
            </span>
            <span>
              {row.kind === 'console'
                ? row.message
                : row.success
                  ? `${row.udfType} ran in ${formatDuration(row.durationMs)}${row.cachedResult ? ' (cached)' : ''}`
                  : `${row.error ?? 'failed'} (${formatDuration(row.durationMs)})`}
            </span>
          </div>
        ))}
      </div>
    </section>
  );
}
