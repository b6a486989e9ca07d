// `pnpm dev` at the repository root: the backend (SQLite in .selfhost/data, restarted when its
// sources change) and the dashboard (`next dev`) together. Prints both URLs and the admin key,
// and the dashboard opens already logged in to the backend (it gets the URL and key through
// NEXT_PUBLIC_DEPLOYMENT_URL / NEXT_PUBLIC_DEV_ADMIN_KEY). Ctrl-C stops both.
//
//   pnpm dev [--port 3210] [--site-port 3211] [--dashboard-port 6791] [--data-dir .selfhost/data]
//            [--interface 127.0.0.1] [--no-open]
//
// Each child runs in its own process group, so that a terminal's Ctrl-C reaches only this
// script, which then stops each child exactly once (the backend takes a second SIGINT as "exit
// now"). Killing this script with SIGKILL leaves them running.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';

const root = path.resolve(import.meta.dirname, '..', '..');
const { values: options } = parseArgs({
  options: {
    port: { type: 'string', default: '3210' },
    'site-port': { type: 'string', default: '3211' },
    'dashboard-port': { type: 'string', default: '6791' },
    'data-dir': { type: 'string', default: path.join(root, '.selfhost', 'data') },
    interface: { type: 'string', default: '127.0.0.1' },
    'no-open': { type: 'boolean', default: false },
  },
});
const host = options.interface;
/** Where a browser on this machine reaches what listens on `host`. */
const urlHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
const dataDir = path.resolve(options['data-dir']);
const say = (line: string) => console.log(`[dev] ${line}`);
/** Bounded: a child that does not stop in this time is killed. */
const stopTimeoutMs = 15_000;

type Child = { name: string; process: ChildProcess; output: string };
const children: Child[] = [];
let stopping = false;

function start(
  name: string,
  command: string,
  args: string[],
  spawnOptions: { cwd: string; env: NodeJS.ProcessEnv },
): Child {
  const child: Child = {
    name,
    process: spawn(command, args, {
      ...spawnOptions,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    }),
    output: '',
  };
  for (const stream of [child.process.stdout, child.process.stderr]) {
    createInterface({ input: stream! }).on('line', (raw) => {
      // next dev shows the terminal cursor again as it exits; that is not worth a line.
      const line = raw.replaceAll('\x1B[?25h', '');
      child.output += `${line}\n`;
      if (line !== '' || raw === '') console.log(`[${name}] ${line}`);
    });
  }
  child.process.once('exit', (code, signal) => {
    if (!stopping) {
      say(`${name} exited (${signal ?? code}); stopping`);
      void stop(1);
    }
  });
  children.push(child);
  say(`${name} started (pid ${child.process.pid})`);
  return child;
}

/** Resolves with the first match of `pattern` in the child's output; rejects when it exits or fails first. */
function waitFor(child: Child, pattern: RegExp, failure: RegExp): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      const match = pattern.exec(child.output);
      if (match) {
        clearInterval(timer);
        resolve(match);
      } else if (
        failure.test(child.output) ||
        child.process.exitCode !== null ||
        child.process.signalCode !== null
      ) {
        clearInterval(timer);
        reject(new Error(`${child.name} did not start (see its output above)`));
      }
    }, 50);
  });
}

async function assertFree(port: number, what: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const server = createServer();
    server.once('error', () =>
      reject(
        new Error(
          `port ${port} (${what}) is in use: is another \`pnpm dev\` running? Choose another with --${what}`,
        ),
      ),
    );
    server.listen(port, host, () => server.close(() => resolve()));
  });
}

function killGroup(child: Child, signal: NodeJS.Signals): void {
  try {
    process.kill(-child.process.pid!, signal);
  } catch {
    // Already gone.
  }
}

async function stop(code: number): Promise<never> {
  stopping = true;
  const deadline = setTimeout(() => {
    say(`still running after ${stopTimeoutMs / 1000} s: killing`);
    for (const child of children) killGroup(child, 'SIGKILL');
  }, stopTimeoutMs);
  await Promise.all(
    children.map(async (child) => {
      if (child.process.exitCode === null && child.process.signalCode === null) {
        const exited = new Promise((resolve) => child.process.once('exit', resolve));
        // The first process of each group (node --watch, next dev) stops its own children.
        child.process.kill('SIGINT');
        await exited;
      }
      killGroup(child, 'SIGKILL'); // anything the group left behind
    }),
  );
  clearTimeout(deadline);
  say('stopped');
  process.exit(code);
}

let firstSignalAt = 0;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    // pnpm passes a terminal's Ctrl-C on as well, so one press can arrive twice.
    if (stopping) {
      if (Date.now() - firstSignalAt > 2000) {
        say(`${signal} again: killing`);
        for (const child of children) killGroup(child, 'SIGKILL');
        process.exit(1);
      }
      return;
    }
    firstSignalAt = Date.now();
    say(`${signal}: stopping the dashboard and the backend`);
    void stop(0);
  });
}

try {
  const ports = {
    port: Number(options.port),
    'site-port': Number(options['site-port']),
    'dashboard-port': Number(options['dashboard-port']),
  };
  for (const [what, port] of Object.entries(ports)) {
    if (!Number.isInteger(port) || port < 1 || port > 65_535) {
      throw new Error(
        `--${what} must be a port number, got "${options[what as keyof typeof ports]}"`,
      );
    }
    await assertFree(port, what);
  }
  mkdirSync(dataDir, { recursive: true });

  const backend = start(
    'backend',
    process.execPath,
    [
      '--no-node-snapshot',
      '--conditions=@selfhost/source',
      '--watch',
      '--watch-preserve-output',
      'src/main.ts',
      ...[
        '--interface',
        host,
        '--port',
        String(ports.port),
        '--site-proxy-port',
        String(ports['site-port']),
        '--data-dir',
        dataDir,
      ],
    ],
    { cwd: path.join(root, 'apps', 'backend'), env: process.env },
  );
  const [, adminKey = ''] = await waitFor(backend, /admin key:\s+(\S+)/, /Failed running/);
  // SQLite in the data directory, unless the environment names another database.
  const database = /database:\s+(.+)/.exec(backend.output)?.[1] ?? dataDir;
  const backendUrl = `http://${urlHost}:${ports.port}`;

  const dashboardDir = path.join(root, 'apps', 'dashboard');
  const dashboard = start(
    'dashboard',
    path.join(dashboardDir, 'node_modules', '.bin', 'next'),
    ['dev', '-p', String(ports['dashboard-port']), '-H', host],
    {
      cwd: dashboardDir,
      env: {
        ...process.env,
        NEXT_PUBLIC_DEPLOYMENT_URL: backendUrl,
        NEXT_PUBLIC_DEV_ADMIN_KEY: adminKey,
        NEXT_TELEMETRY_DISABLED: process.env.NEXT_TELEMETRY_DISABLED ?? '1',
      },
    },
  );
  // One `next dev` per directory: a second one (another `pnpm dev`) exits with "already running".
  await waitFor(dashboard, /Ready in/, /Failed to start|EADDRINUSE|is already running/);
  const dashboardUrl = `http://${urlHost}:${ports['dashboard-port']}`;
  // Compile the login page now, so that the first visit is quick.
  await fetch(`${dashboardUrl}/`).catch(() => undefined);

  say('selfhost is running');
  say(`  dashboard:  ${dashboardUrl}   (opens logged in to the backend)`);
  say(`  backend:    ${backendUrl}   (HTTP actions: http://${urlHost}:${ports['site-port']})`);
  say(
    `  database:   ${database.startsWith(`${root}${path.sep}`) ? path.relative(root, database) : database}`,
  );
  say(`  admin key:  ${adminKey}`);
  say(
    `  convex CLI: CONVEX_SELF_HOSTED_URL=${backendUrl} CONVEX_SELF_HOSTED_ADMIN_KEY=<admin key>`,
  );
  say('Ctrl-C stops both.');
  const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  if (hasDisplay && !options['no-open'] && !process.env.CI) {
    spawn('xdg-open', [dashboardUrl], { stdio: 'ignore', detached: true })
      .on('error', () => say(`open ${dashboardUrl} in a browser`))
      .unref();
  }
} catch (error) {
  say(error instanceof Error ? error.message : String(error));
  if (!stopping) await stop(1);
}
