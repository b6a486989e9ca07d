// Latency statistics for the benchmarks.

/** p50/p99 of samples in microseconds. */
export function percentiles(samplesUs: number[]): { p50: number; p99: number } {
  const sorted = [...samplesUs].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? NaN;
  return { p50: at(0.5), p99: at(0.99) };
}

/** Times `n` sequential calls of `fn` (after `warmup` untimed ones); microseconds per call. */
export async function timeCalls(n: number, fn: () => unknown, options: { warmup?: number; pauseMs?: number } = {}): Promise<number[]> {
  for (let i = 0; i < (options.warmup ?? 20); i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    if (options.pauseMs !== undefined) await new Promise((resolve) => setTimeout(resolve, options.pauseMs));
    const started = performance.now();
    await fn();
    samples.push((performance.now() - started) * 1000);
  }
  return samples;
}

/** One line of the report. */
export function row(
  label: string,
  ours: { p50: number; p99: number },
  baseline: { readonly stats: { p50: number; p99: number }; readonly label?: string } | null = null,
): string {
  const fmt = (us: number): string => (us >= 1000 ? `${(us / 1000).toFixed(2)} ms` : `${us.toFixed(1)} µs`);
  const left = `${label.padEnd(46)} p50 ${fmt(ours.p50).padStart(10)}  p99 ${fmt(ours.p99).padStart(10)}`;
  if (baseline === null) return left;
  const { stats } = baseline;
  return `${left}   | ${baseline.label ?? 'direct in Node'}: p50 ${fmt(stats.p50)} p99 ${fmt(stats.p99)}  ratio ×${(ours.p50 / stats.p50).toFixed(1)}`;
}
