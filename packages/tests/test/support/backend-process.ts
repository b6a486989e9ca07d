import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

const backendPackage = createRequire(import.meta.url).resolve('@selfhost/backend/package.json');
/** The backend executable, run the way users run it. */
export const backendBin = path.join(path.dirname(backendPackage), 'bin', 'selfhost-backend.js');

/** A running `selfhost-backend` child process and what its banner said. */
export interface BackendProcess {
  readonly child: ChildProcess;
  /** `http://127.0.0.1:<api port>` */
  readonly url: string;
  /** `http://127.0.0.1:<site port>` (HTTP actions) */
  readonly siteUrl: string;
  readonly adminKey: string;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  /** Sends `signal` and resolves with the exit code once it has exited (SIGKILL after `timeoutMs`). */
  stop(signal?: NodeJS.Signals, timeoutMs?: number): Promise<number | null>;
}

/** How to start one backend. */
export interface BackendProcessOptions {
  readonly dataDir: string;
  /** Extra environment (database URLs, INSTANCE_NAME, …). */
  readonly env?: Readonly<Record<string, string>>;
  readonly startTimeoutMs?: number;
}

/**
 * Starts `apps/backend/bin/selfhost-backend.js` on free loopback ports and waits (bounded) for
 * its banner, which names both ports and prints an admin key.
 *
 * @example
 * const backend = await startBackendProcess({ dataDir });
 * await fetch(`${backend.url}/version`);
 * await backend.stop();
 */
export async function startBackendProcess(options: BackendProcessOptions): Promise<BackendProcess> {
  const child = spawn(
    process.execPath,
    ['--no-node-snapshot', '--conditions=@selfhost/source', backendBin, '--interface', '127.0.0.1', '--port', '0', '--site-proxy-port', '0', '--data-dir', options.dataDir, '--disable-beacon'],
    { env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const banner = /API and sync:.*listening on [^:]+:(\d+)\)[\s\S]*HTTP actions:.*listening on [^:]+:(\d+)\)[\s\S]*admin key:\s+(\S+)/;
  const deadline = Date.now() + (options.startTimeoutMs ?? 60_000);
  let match = banner.exec(output);
  while (match === null) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the backend did not start (exit code ${child.exitCode}):\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
    match = banner.exec(output);
  }
  const [, apiPort, sitePort, adminKey] = match;
  return {
    child,
    url: `http://127.0.0.1:${apiPort}`,
    siteUrl: `http://127.0.0.1:${sitePort}`,
    adminKey: adminKey!,
    output: () => output,
    stop: async (signal = 'SIGTERM', timeoutMs = 20_000) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      const killer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      const code = await exited;
      clearTimeout(killer);
      return code;
    },
  };
}
