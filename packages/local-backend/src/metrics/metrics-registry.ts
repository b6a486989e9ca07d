/** Label values of one series, e.g. `{ udfType: 'query' }`. */
export type Labels = Readonly<Record<string, string>>;

interface Series {
  readonly labels: Labels;
  value: number;
  buckets?: number[];
  sum?: number;
}

interface Metric {
  readonly name: string;
  readonly help: string;
  readonly type: 'counter' | 'gauge' | 'histogram';
  readonly bucketBounds: readonly number[];
  readonly series: Map<string, Series>;
}

const defaultBuckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * A small in-process metrics registry that renders the Prometheus text exposition format
 * for `GET /metrics`. Counters only go up; gauges are set; histograms observe seconds.
 *
 * @example
 * const registry = new MetricsRegistry();
 * const calls = registry.counter('selfhost_function_calls_total', 'Function executions.');
 * calls.inc({ udfType: 'query' });
 * registry.render();
 */
export class MetricsRegistry {
  readonly #metrics = new Map<string, Metric>();

  counter(name: string, help: string): { inc(labels?: Labels, by?: number): void } {
    const metric = this.#define({ name, help, type: 'counter' });
    return { inc: (labels = {}, by = 1) => (this.#series(metric, labels).value += by) };
  }

  gauge(name: string, help: string): { set(value: number, labels?: Labels): void; add(delta: number, labels?: Labels): void } {
    const metric = this.#define({ name, help, type: 'gauge' });
    return {
      set: (value, labels = {}) => (this.#series(metric, labels).value = value),
      add: (delta, labels = {}) => (this.#series(metric, labels).value += delta),
    };
  }

  histogram(name: string, help: string, bounds: readonly number[] = defaultBuckets): { observe(seconds: number, labels?: Labels): void } {
    const metric = this.#define({ name, help, type: 'histogram', bounds });
    return {
      observe: (seconds, labels = {}) => {
        const series = this.#series(metric, labels);
        series.value += 1;
        series.sum = (series.sum ?? 0) + seconds;
        const buckets = (series.buckets ??= metric.bucketBounds.map(() => 0));
        const bounds = metric.bucketBounds;
        for (let i = bounds.length - 1; i >= 0 && seconds <= bounds[i]!; i -= 1) buckets[i]! += 1;
      },
    };
  }

  /** The current value of a counter or gauge series (tests and the dashboard's health page). */
  value(name: string, labels: Labels = {}): number {
    return this.#metrics.get(name)?.series.get(labelKey(labels))?.value ?? 0;
  }

  /** Every metric in the Prometheus text format, version 0.0.4. */
  render(): string {
    const lines: string[] = [];
    for (const metric of this.#metrics.values()) {
      lines.push(`# HELP ${metric.name} ${metric.help}`, `# TYPE ${metric.name} ${metric.type}`);
      for (const series of metric.series.values()) {
        if (metric.type !== 'histogram') {
          lines.push(`${metric.name}${formatLabels(series.labels)} ${series.value}`);
          continue;
        }
        metric.bucketBounds.forEach((bound, i) => {
          lines.push(`${metric.name}_bucket${formatLabels({ ...series.labels, le: String(bound) })} ${series.buckets?.[i] ?? 0}`);
        });
        lines.push(`${metric.name}_bucket${formatLabels({ ...series.labels, le: '+Inf' })} ${series.value}`);
        lines.push(`${metric.name}_sum${formatLabels(series.labels)} ${series.sum ?? 0}`);
        lines.push(`${metric.name}_count${formatLabels(series.labels)} ${series.value}`);
      }
    }
    return `${lines.join('\n')}\n`;
  }

  #define({ name, help, type, bounds = [] }: { name: string; help: string; type: Metric['type']; bounds?: readonly number[] }): Metric {
    const existing = this.#metrics.get(name);
    if (existing) return existing;
    const metric: Metric = { name, help, type, bucketBounds: bounds, series: new Map() };
    this.#metrics.set(name, metric);
    return metric;
  }

  #series(metric: Metric, labels: Labels): Series {
    const key = labelKey(labels);
    let series = metric.series.get(key);
    if (!series) {
      series = { labels, value: 0 };
      metric.series.set(key, series);
    }
    return series;
  }
}

/** The series key of a label set (label order does not matter). Runs on every request: no array pipeline. */
function labelKey(labels: Labels): string {
  const keys = Object.keys(labels);
  if (keys.length > 1) keys.sort();
  let key = '';
  for (const name of keys) key += `${name}=${labels[name]},`;
  return key;
}

function formatLabels(labels: Labels): string {
  const keys = Object.keys(labels);
  if (keys.length === 0) return '';
  const escape = (value: string) => value.replaceAll('\\', '\\\\').replaceAll('\n', '\\n').replaceAll('"', '\\"');
  return `{${keys.map((key) => `${key}="${escape(labels[key] ?? '')}"`).join(',')}}`;
}
