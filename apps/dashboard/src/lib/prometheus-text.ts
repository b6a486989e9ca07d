/** One sample of the Prometheus text format: metric name, labels and value. */
export type Sample = { name: string; labels: Record<string, string>; value: number };

/**
 * Parses the Prometheus text exposition format (what `GET /metrics` serves) into samples.
 * Comments and malformed lines are skipped.
 *
 * @example
 * parsePrometheusText('calls_total{status="ok"} 3'); // [{ name: 'calls_total', labels: { status: 'ok' }, value: 3 }]
 */
export function parsePrometheusText(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(.*)\})?\s+(\S+)/.exec(line);
    if (match === null) continue;
    const labels: Record<string, string> = {};
    for (const label of (match[3] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) {
      labels[label[1] ?? ''] = (label[2] ?? '').replace(/\\n/g, '\n').replace(/\\(["\\])/g, '$1');
    }
    const value = Number(match[4]);
    if (!Number.isNaN(value) || match[4] === 'NaN') samples.push({ name: match[1] ?? '', labels, value });
  }
  return samples;
}

/**
 * The sum of every sample named `name` whose labels include `where`.
 *
 * @example
 * sumOf(samples, 'selfhost_function_calls_total', { status: 'failure' });
 */
export function sumOf(samples: readonly Sample[], name: string, where: Record<string, string> = {}): number {
  return samples
    .filter((s) => s.name === name && Object.entries(where).every(([k, v]) => s.labels[k] === v))
    .reduce((total, s) => total + s.value, 0);
}
