// The one gate for tests that need the local PostgreSQL / MariaDB servers: in CI they must be
// reachable (the suite fails otherwise); elsewhere an unreachable server skips them loudly.
import net from 'node:net';

/**
 * A test service and whether it can be used.
 *
 * @internal
 * @example
 * ```ts
 * const pg = await serviceStatus('postgres');
 * describe.skipIf(!pg.available)('on postgres', …);
 * ```
 */
export interface ServiceStatus {
  readonly name: 'postgres' | 'mysql';
  readonly available: boolean;
  readonly reason: string;
}

const PORTS = { postgres: 5432, mysql: 3306 } as const;

function probe(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

const cache = new Map<string, Promise<ServiceStatus>>();

/**
 * Whether a real server is reachable at its default local port. In CI (`process.env.CI`) an
 * unreachable server is reported as available so the tests run and fail loudly.
 *
 * @internal
 * @example
 * ```ts
 * const { available } = await serviceStatus('mysql');
 * ```
 */
export function serviceStatus(name: 'postgres' | 'mysql'): Promise<ServiceStatus> {
  let status = cache.get(name);
  if (status === undefined) {
    status = probe(PORTS[name]).then((up) => {
      if (up) return { name, available: true, reason: 'reachable' };
      if (process.env['CI'])
        return {
          name,
          available: true,
          reason: `unreachable on 127.0.0.1:${PORTS[name]}, but CI requires it`,
        };
      const reason = `${name} is not reachable on 127.0.0.1:${PORTS[name]}: its tests are SKIPPED (they run in CI)`;
      console.warn(`\n!!! ${reason}\n`);
      return { name, available: false, reason };
    });
    cache.set(name, status);
  }
  return status;
}
