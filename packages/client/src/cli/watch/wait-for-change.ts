import { watch, type FSWatcher } from 'node:fs';
import path from 'node:path';

/**
 * Resolves when a file `dev` depends on changes, once changes have stopped for `quietMs` (an
 * editor's save is often several writes): anything in the functions directory except
 * `_generated/` (the CLI writes it), any other file esbuild read outside `node_modules`, and the
 * project's `convex.json`, `package.json` and env files. Resolves `'aborted'` when `signal` aborts.
 *
 * @example
 * ```ts
 * if ((await waitForChange({ cwd, functionsDir, inputs, signal })) === 'changed') await push();
 * ```
 */
export async function waitForChange(options: {
  readonly cwd: string;
  readonly functionsDir: string;
  readonly inputs: readonly string[];
  readonly signal: AbortSignal;
  readonly quietMs?: number;
}): Promise<'changed' | 'aborted'> {
  const { cwd, functionsDir, signal } = options;
  const quietMs = options.quietMs ?? 500;
  if (signal.aborted) return 'aborted';
  const watchers: FSWatcher[] = [];
  return await new Promise((resolve) => {
    let timer: NodeJS.Timeout | undefined;
    const finish = (outcome: 'changed' | 'aborted') => {
      clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
      signal.removeEventListener('abort', onAbort);
      resolve(outcome);
    };
    const onAbort = () => finish('aborted');
    const changed = () => {
      clearTimeout(timer);
      timer = setTimeout(() => finish('changed'), quietMs);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    const add = (dir: string, recursive: boolean, accept: (file: string) => boolean) => {
      try {
        const watcher = watch(dir, { recursive }, (_event, name) => {
          if (name !== null && accept(path.join(dir, name.toString()))) changed();
        });
        watcher.on('error', () => undefined);
        watchers.push(watcher);
      } catch {
        // A directory that vanished cannot be watched; its files are gone from the build too.
      }
    };
    const generated = path.join(functionsDir, '_generated');
    add(functionsDir, true, (file) => !file.startsWith(generated) && !file.endsWith('.tmp'));
    const outside = new Map<string, Set<string>>();
    const projectFiles = ['convex.json', 'package.json', '.env.local', '.env'].map((name) =>
      path.join(cwd, name),
    );
    for (const file of [...options.inputs, ...projectFiles]) {
      if (file.startsWith(functionsDir + path.sep) || file.split(path.sep).includes('node_modules'))
        continue;
      const dir = path.dirname(file);
      outside.set(dir, (outside.get(dir) ?? new Set()).add(file));
    }
    for (const [dir, files] of outside) add(dir, false, (file) => files.has(file));
  });
}
