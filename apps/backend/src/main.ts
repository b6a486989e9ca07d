import {
  ConfigError,
  loadInstanceCredentials,
  readConfig,
  startBackend,
  type RunningBackend,
} from '@selfhost/local-backend';
import { printBanner } from './print-banner.ts';

const log = (line: string) => console.log(`[selfhost] ${line}`);
const startedAt = performance.now();

let backend: RunningBackend;
try {
  const config = readConfig(process.argv.slice(2), process.env);
  const credentials = await loadInstanceCredentials(config.dataDir, config);
  backend = await startBackend({ config, credentials, log });
  printBanner({ config, credentials, backend, startupMs: performance.now() - startedAt, log });
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(`[selfhost] configuration error: ${error.message}`);
    process.exit(2);
  }
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE' || code === 'EACCES') {
    const { address, port } = error as NodeJS.ErrnoException & { address?: string; port?: number };
    console.error(
      `[selfhost] cannot listen on ${address ?? ''}:${port ?? ''} (${code}): ${code === 'EADDRINUSE' ? 'another process uses this port' : 'permission denied'}. Choose others with --port / --site-proxy-port.`,
    );
    process.exit(1);
  }
  throw error;
}

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) {
    log(`${signal} again: exiting now`);
    process.exit(1);
  }
  stopping = true;
  log(`${signal}: finishing in-flight work and stopping`);
  // Bounded: a stuck request must not keep the process alive forever.
  const deadline = setTimeout(() => {
    log('shutdown took longer than 10 s: exiting');
    process.exit(1);
  }, 10_000);
  deadline.unref();
  await backend.stop();
  log('stopped');
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
