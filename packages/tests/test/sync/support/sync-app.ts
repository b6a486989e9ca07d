import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import {
  makeFunctionReference,
  type PaginationOptions,
  type PaginationResult,
} from 'convex/server';
import type { GenericId } from 'convex/values';

const convexPackageDir = path.dirname(
  createRequire(import.meta.url).resolve('convex/package.json'),
);
const appDir = path.join(import.meta.dirname, '..', 'fixture-app');

/**
 * Pushes `test/sync/fixture-app` to a backend with the official CLI, as a user would
 * (`CI=1 convex deploy --yes --typecheck disable --codegen disable`), from a temporary project
 * whose `node_modules/convex` links to the workspace's copy of the official package.
 * `changedFiles` replaces files under `convex/` (a later push with changed code).
 *
 * @example
 * await deploySyncApp({ url: backend.url, adminKey: backend.adminKey });
 */
export async function deploySyncApp(
  backend: { readonly url: string; readonly adminKey: string },
  changedFiles: Readonly<Record<string, string>> = {},
): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'selfhost-sync-app-'));
  try {
    await cp(path.join(appDir, 'convex'), path.join(dir, 'convex'), { recursive: true });
    for (const [file, source] of Object.entries(changedFiles)) {
      await writeFile(path.join(dir, 'convex', file), source);
    }
    await mkdir(path.join(dir, 'node_modules'));
    await symlink(convexPackageDir, path.join(dir, 'node_modules', 'convex'), 'dir');
    await writeFile(
      path.join(dir, 'package.json'),
      JSON.stringify({
        name: 'selfhost-sync-app',
        private: true,
        type: 'module',
        dependencies: { convex: '1.48.0' },
      }),
    );
    const cli = path.join(convexPackageDir, 'bin', 'main.js');
    const args = [
      cli,
      'deploy',
      '--yes',
      '--url',
      backend.url,
      '--admin-key',
      backend.adminKey,
      '--typecheck',
      'disable',
      '--codegen',
      'disable',
    ];
    try {
      await promisify(execFile)(process.execPath, args, {
        cwd: dir,
        env: {
          ...process.env,
          CI: '1',
          CONVEX_DEPLOYMENT: '',
          CONVEX_DEPLOY_KEY: '',
          NO_COLOR: '1',
        },
        timeout: 120_000,
      });
    } catch (error) {
      const failure = error as { stdout?: string; stderr?: string; message: string };
      throw new Error(
        `convex deploy failed: ${failure.message}\n${failure.stdout ?? ''}\n${failure.stderr ?? ''}`,
        { cause: error },
      );
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A note of the fixture app. */
export interface Note {
  readonly _id: GenericId<'notes'>;
  readonly _creationTime: number;
  readonly client: string;
  readonly seq: number;
  readonly body: string;
}

/** An item of the fixture app. */
export interface Item {
  readonly _id: GenericId<'items'>;
  readonly _creationTime: number;
  readonly rank: number;
  readonly label: string;
}

/** One page of `items:page`. */
export type ItemPage = PaginationResult<Item>;

type NoteArgs = { client: string; seq: number; body: string };

/** Typed references to the fixture app's functions. */
export const api = {
  notes: {
    list: makeFunctionReference<'query', Record<string, never>, Note[]>('notes:list'),
    latest: makeFunctionReference<'query', Record<string, never>, Note[]>('notes:latest'),
    count: makeFunctionReference<'query', Record<string, never>, number>('notes:count'),
    byClient: makeFunctionReference<'query', { client: string }, Note[]>('notes:byClient'),
    add: makeFunctionReference<'mutation', NoteArgs, GenericId<'notes'>>('notes:add'),
    addThenFail: makeFunctionReference<'mutation', NoteArgs, null>('notes:addThenFail'),
  },
  items: {
    page: makeFunctionReference<'query', { paginationOpts: PaginationOptions }, ItemPage>(
      'items:page',
    ),
    add: makeFunctionReference<'mutation', { rank: number; label: string }, GenericId<'items'>>(
      'items:add',
    ),
  },
  runs: {
    slow: makeFunctionReference<'action', { tag: string }, string>('runs:slow'),
    release: makeFunctionReference<'mutation', { tag: string }, null>('runs:release'),
    events: makeFunctionReference<'query', { tag: string }, string[]>('runs:events'),
  },
} as const;
