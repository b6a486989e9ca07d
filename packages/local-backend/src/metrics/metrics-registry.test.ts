import { describe, expect, test } from 'vitest';
import { MetricsRegistry } from './metrics-registry.ts';

describe('MetricsRegistry', () => {
  test('renders counters, gauges and histograms in the Prometheus text format', () => {
    const registry = new MetricsRegistry();
    const calls = registry.counter('calls_total', 'Calls.');
    calls.inc({ udfType: 'query' });
    calls.inc({ udfType: 'query' }, 2);
    calls.inc({ udfType: 'mutation' });
    registry.gauge('open_connections', 'Open sockets.').set(5);
    registry.histogram('latency_seconds', 'Latency.', [0.1, 1]).observe(0.5, { route: '/api/query' });
    expect(registry.render()).toMatchInlineSnapshot(`
      "# HELP calls_total Calls.
      # TYPE calls_total counter
      calls_total{udfType="query"} 3
      calls_total{udfType="mutation"} 1
      # HELP open_connections Open sockets.
      # TYPE open_connections gauge
      open_connections 5
      # HELP latency_seconds Latency.
      # TYPE latency_seconds histogram
      latency_seconds_bucket{route="/api/query",le="0.1"} 0
      latency_seconds_bucket{route="/api/query",le="1"} 1
      latency_seconds_bucket{route="/api/query",le="+Inf"} 1
      latency_seconds_sum{route="/api/query"} 0.5
      latency_seconds_count{route="/api/query"} 1
      "
    `);
    expect(registry.value('calls_total', { udfType: 'query' })).toBe(3);
  });

  test('escapes label values', () => {
    const registry = new MetricsRegistry();
    registry.counter('x_total', 'X.').inc({ path: 'a"b\\c\nd' });
    expect(registry.render()).toContain('x_total{path="a\\"b\\\\c\\nd"} 1');
  });
});
