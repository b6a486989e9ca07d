import net from 'node:net';

/** A loopback TCP proxy in front of the backend that can cut every connection at once. */
export interface DroppingProxy extends AsyncDisposable {
  /** `http://127.0.0.1:<proxy port>`: give this to clients instead of the backend's URL. */
  readonly url: string;
  /** Connections accepted so far. */
  readonly accepted: number;
  /** Connections open now. */
  readonly open: number;
  /** Destroys both ends of every open connection, as a crashed server or network would. */
  dropAll(): void;
  close(): Promise<void>;
}

/**
 * Forwards `127.0.0.1:<new port>` to `target` byte for byte. `dropAll()` cuts the connections
 * without a close frame, in the middle of whatever was being sent: the client sees the server
 * vanish (and reconnects), the backend sees its sockets close.
 *
 * @example
 * await using proxy = await startDroppingProxy(backend.url);
 * const client = new ConvexClient(proxy.url);
 * proxy.dropAll();
 */
export async function startDroppingProxy(target: string): Promise<DroppingProxy> {
  const { hostname, port } = new URL(target);
  const pairs = new Set<readonly [net.Socket, net.Socket]>();
  let accepted = 0;
  const server = net.createServer((downstream) => {
    accepted++;
    const upstream = net.connect({ host: hostname, port: Number(port) });
    const pair = [downstream, upstream] as const;
    pairs.add(pair);
    const drop = () => {
      pairs.delete(pair);
      downstream.destroy();
      upstream.destroy();
    };
    downstream.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    downstream.pipe(upstream);
    upstream.pipe(downstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as net.AddressInfo;
  const dropAll = () => {
    for (const [downstream, upstream] of [...pairs]) {
      downstream.destroy();
      upstream.destroy();
    }
    pairs.clear();
  };
  const close = async () => {
    dropAll();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return {
    url: `http://127.0.0.1:${address.port}`,
    get accepted() {
      return accepted;
    },
    get open() {
      return pairs.size;
    },
    dropAll,
    close,
    [Symbol.asyncDispose]: close,
  };
}
