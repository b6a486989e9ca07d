import type { ServerRequest } from '../http/server-request.ts';
import type { RequestHandler, HttpTransport, ListeningServer, UpgradeHandler } from '../http/transport.ts';

/** The two listening ports of a deployment. */
export interface ListeningPorts {
  readonly api: ListeningServer;
  readonly site: ListeningServer;
}

/**
 * Listens on the API port (everything, including `/http/*` and the sync WebSocket) and on the
 * site port, where every request is an HTTP action: the site port forwards in-process as
 * `/http<path>`, like the reference's proxy, without a second network hop.
 *
 * @example
 * const ports = await listenBoth(transport, { host, apiPort: 3210, sitePort: 3211, onRequest, onUpgrade });
 */
export async function listenBoth(
  transport: HttpTransport,
  options: { host: string; apiPort: number; sitePort: number; onRequest: RequestHandler; onUpgrade?: UpgradeHandler; requestTimeoutMs?: number },
): Promise<ListeningPorts> {
  const { requestTimeoutMs } = options;
  const api = await transport.listen({ host: options.host, port: options.apiPort, onRequest: options.onRequest, onUpgrade: options.onUpgrade, requestTimeoutMs });
  try {
    const site = await transport.listen({
      host: options.host,
      port: options.sitePort,
      requestTimeoutMs,
      onRequest: (request) => options.onRequest(withPath(request, `/http${request.path}`)),
    });
    return { api, site };
  } catch (error) {
    await api.close();
    throw error;
  }
}

/** The same request under another path (methods delegate: transports keep private state). */
function withPath(request: ServerRequest, path: string): ServerRequest {
  return {
    method: request.method,
    path,
    originalPath: request.path,
    query: request.query,
    remoteAddress: request.remoteAddress,
    header: (name) => request.header(name),
    headerPairs: () => request.headerPairs(),
    body: (limit) => request.body(limit),
  };
}
