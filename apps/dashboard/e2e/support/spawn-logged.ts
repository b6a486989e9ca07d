import { spawn, type ChildProcess } from 'node:child_process';

/** A child process whose output is kept (for failure messages) and that can be awaited. */
export type LoggedProcess = {
  readonly child: ChildProcess;
  readonly output: () => string;
  /** Resolves with the first match of `pattern` in the output so far or to come. */
  readonly waitFor: (pattern: RegExp, timeoutMs: number) => Promise<RegExpMatchArray>;
  readonly stop: () => Promise<void>;
};

/**
 * Spawns a command and keeps its stdout and stderr.
 *
 * @example
 * const server = spawnLogged('node', ['server.js'], { cwd });
 * await server.waitFor(/listening on (\d+)/, 10_000);
 */
export function spawnLogged(command: string, args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): LoggedProcess {
  const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const listeners = new Set<() => void>();
  const append = (chunk: Buffer) => {
    output += chunk.toString();
    for (const listener of listeners) listener();
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    child,
    output: () => output,
    waitFor: (pattern, timeoutMs) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const match = pattern.exec(output);
          if (match) {
            cleanup();
            resolve(match);
          }
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${pattern} from ${command}. Output:\n${output}`));
        }, timeoutMs);
        const onExit = () => {
          cleanup();
          reject(new Error(`${command} exited before printing ${pattern}. Output:\n${output}`));
        };
        const cleanup = () => {
          clearTimeout(timer);
          listeners.delete(check);
          child.off('exit', onExit);
        };
        listeners.add(check);
        child.once('exit', onExit);
        check();
      }),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(killer);
    },
  };
}
