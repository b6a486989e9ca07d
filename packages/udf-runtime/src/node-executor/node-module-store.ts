import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The deployment's Node modules on disk, in a private directory (a `package.json` with
 * `"type": "module"` makes Node load the `.js` files as ES modules), and their namespaces.
 *
 * @example
 * ```ts
 * const store = NodeModuleStore.write(modules);
 * const namespace = await store.import('nodeActions.js');
 * ```
 * @internal
 */
export class NodeModuleStore {
  readonly root: string;

  private constructor(root: string) {
    this.root = root;
  }

  static write(modules: readonly { readonly path: string; readonly source: string }[]): NodeModuleStore {
    const hash = createHash('sha256');
    for (const module of modules) hash.update(module.path).update('\0').update(module.source).update('\0');
    const root = path.join(tmpdir(), 'selfhost-node-modules', `${process.pid}-${hash.digest('hex').slice(0, 24)}`);
    mkdirSync(root, { recursive: true, mode: 0o700 });
    writeFileSync(path.join(root, 'package.json'), '{"type":"module"}\n');
    for (const module of modules) {
      const file = path.join(root, ...module.path.split('/'));
      if (!file.startsWith(root + path.sep)) throw new Error(`Module path ${module.path} leaves the module directory`);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, module.source);
    }
    return new NodeModuleStore(root);
  }

  /** Imports a module by its pushed path. */
  async import(modulePath: string): Promise<Record<string, unknown>> {
    const file = path.join(this.root, ...modulePath.split('/'));
    return (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  }

  /** Rewrites this directory's file URLs in a stack to `convex:/<module path>`. */
  rewriteStack(stack: string): string {
    const prefix = pathToFileURL(this.root).href + '/';
    return stack.split(prefix).join('convex:/').split(this.root + path.sep).join('convex:/');
  }
}
