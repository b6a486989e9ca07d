'use client';
import type { Value, ValidatorJSON } from '@selfhost/client/values';
import { useState } from 'react';
import { useLiveQuery } from '../../components/use-live-query.ts';
import { asObject } from '../../lib/as-object.ts';
import { formatValue } from '../../lib/format-value.ts';
import { formatDuration } from '../../lib/format-units.ts';
import { functionRef } from '../../lib/function-ref.ts';
import { parseJson5 } from '../../lib/json5.ts';
import { validatorProblems, type ValidatorProblem } from '../../lib/validator-errors.ts';
import { useDeployment } from '../../session/deployment-context.ts';
import { runFunction, type RunOutcome } from './run-function.ts';

type Props = { path: string; udfType: 'Query' | 'Mutation' | 'Action'; argsValidator: ValidatorJSON };

function parseArgs(text: string, validator: ValidatorJSON): { args: Record<string, Value> | null; problems: ValidatorProblem[] } {
  let value: Value;
  try {
    value = text.trim() === '' ? {} : parseJson5(text);
  } catch (error) {
    return { args: null, problems: [{ path: '', message: error instanceof Error ? error.message : String(error) }] };
  }
  const object = asObject(value);
  if (object === null) return { args: null, problems: [{ path: '', message: 'Arguments are an object: { name: value, … }' }] };
  return { args: object, problems: validatorProblems(validator, object) };
}

/**
 * Runs a function with JSON5 arguments checked against its args validator, and shows the
 * result, log lines and duration. A query can also run live (re-runs when its data changes).
 */
export function FunctionRunner({ path, udfType, argsValidator }: Props) {
  const { credentials } = useDeployment();
  const [text, setText] = useState('{}');
  const [running, setRunning] = useState(false);
  const [outcome, setOutcome] = useState<RunOutcome | null>(null);
  const [live, setLive] = useState<Record<string, Value> | null>(null);
  const { args, problems } = parseArgs(text, argsValidator);
  const canRun = args !== null && problems.length === 0 && !running;

  const run = async () => {
    if (!canRun) return;
    setRunning(true);
    setOutcome(await runFunction(credentials, path, args));
    setRunning(false);
  };

  return (
    <div className="panel" aria-label="Run function">
      <h3>Run {udfType.toLowerCase()}</h3>
      <textarea
        className="code"
        aria-label="Arguments"
        spellCheck={false}
        style={{ minHeight: 90 }}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void run();
          }
        }}
      />
      {problems.length > 0 && (
        <ul className="problems" aria-label="Argument problems">
          {problems.map((p, i) => (
            <li key={i}>
              {p.path !== '' && <code>{p.path}</code>} {p.message}
            </li>
          ))}
        </ul>
      )}
      <div className="row" style={{ marginTop: 6 }}>
        <button className="primary" disabled={!canRun} onClick={() => void run()}>
          {running ? 'Running…' : `Run ${udfType.toLowerCase()}`} <kbd>Ctrl+Enter</kbd>
        </button>
        {udfType === 'Query' && (
          <label>
            <input type="checkbox" checked={live !== null} disabled={args === null || problems.length > 0} onChange={(e) => setLive(e.target.checked ? args : null)} />{' '}
            Live
          </label>
        )}
      </div>
      {live !== null && <LiveResult path={path} args={live} />}
      {outcome !== null && live === null && <Outcome outcome={outcome} />}
    </div>
  );
}

function LiveResult({ path, args }: { path: string; args: Record<string, Value> }) {
  const result = useLiveQuery(functionRef<'query', Record<string, Value>, Value>(path), args);
  return (
    <div aria-label="Live result">
      <h3>
        Live result <span className="muted">(updates when the data changes)</span>
      </h3>
      {result.status === 'pending' && <p className="muted">Running…</p>}
      {result.status === 'error' && <pre className="error">{result.error.message}</pre>}
      {result.status === 'success' && <pre>{formatValue(result.data, 2)}</pre>}
    </div>
  );
}

function Outcome({ outcome }: { outcome: RunOutcome }) {
  return (
    <div aria-label="Result">
      <h3>
        {outcome.ok ? <span className="ok">Succeeded</span> : <span className="error">Failed</span>} <span className="muted">in {formatDuration(outcome.durationMs)}</span>
      </h3>
      {outcome.ok ? <pre>{formatValue(outcome.value, 2)}</pre> : <pre className="error">{outcome.error}</pre>}
      {outcome.logLines.length > 0 && (
        <>
          <h3>Logs</h3>
          <pre>{outcome.logLines.map((line) => `[${line.level}] ${line.message}`).join('\n')}</pre>
        </>
      )}
    </div>
  );
}
