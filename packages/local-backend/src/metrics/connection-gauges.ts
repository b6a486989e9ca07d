import type { ListeningServer } from '../http/transport.ts';
import type { MetricsRegistry } from './metrics-registry.ts';

/**
 * The `selfhost_open_connections` gauge (`kind`: `http` or `websocket`), summed over the API
 * and site ports. The transports keep the counts; this reads them when `/metrics` is scraped,
 * so the hot path pays nothing. Returns the refresh function.
 *
 * @example
 * const refresh = connectionGauges(metrics, [ports.api, ports.site]);
 * refresh();
 */
export function connectionGauges(metrics: MetricsRegistry, servers: readonly ListeningServer[]): () => void {
  const open = metrics.gauge('selfhost_open_connections', 'Open connections: HTTP requests being received or answered, and WebSockets.');
  return () => {
    let http = 0;
    let websocket = 0;
    for (const server of servers) {
      const connections = server.connections();
      http += connections.http;
      websocket += connections.websocket;
    }
    open.set(http, { kind: 'http' });
    open.set(websocket, { kind: 'websocket' });
  };
}
