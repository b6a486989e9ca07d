// The official `convex` CLI and `selfhost` push the same fixture app to the same (fake) backend:
// their requests must agree, and a push by one must look unchanged to the other. Both bundle the
// `_generated/` files the app imports; since the two CLIs word those files differently, the
// byte-for-byte comparisons keep the committed `_generated/` and pass `--codegen disable`.
// (With codegen on, switching CLIs re-uploads just the chunks holding `_generated/` code.)
import { describe, expect, test } from 'vitest';
import { runCli } from '../run-cli.ts';
import { startFakeBackend, type FakeBackend } from '../test-support/fake-backend.ts';
import { officialEsbuild, runOfficialCli } from '../test-support/run-official-cli.ts';
import { createTestContext } from '../test-support/test-context.ts';
import { createTestProject } from '../test-support/test-project.ts';

type Module = { path: string; source: string; sourceMap?: string; environment: string };
type PushBody = {
  dryRun: boolean;
  functions: string;
  appDefinition: {
    definition: Module | null;
    schema: Module | null;
    changedModules: Module[];
    unchangedModuleHashes: { path: string; environment: string; sha256: string }[];
    udfServerVersion: string;
    dependencies: string[];
  };
  componentDefinitions: unknown[];
  nodeDependencies: unknown[];
};

const startPushes = (backend: FakeBackend) =>
  backend.requests
    .filter((request) => request.path === '/api/deploy2/start_push')
    .map((request) => request.body as PushBody);

const deployArgs = (backend: FakeBackend, codegen: 'enable' | 'disable' = 'disable') => [
  'deploy',
  '--url',
  backend.url,
  '--admin-key',
  backend.adminKey,
  '--typecheck',
  'disable',
  '--codegen',
  codegen,
];

async function deployWithSelfhost(backend: FakeBackend, dir: string): Promise<string> {
  const { ctx, stderr } = createTestContext({ cwd: dir, esbuild: officialEsbuild() });
  const code = await runCli(deployArgs(backend), ctx);
  expect(code, stderr()).toBe(0);
  return stderr();
}

async function deployWithConvex(backend: FakeBackend, dir: string): Promise<void> {
  const result = await runOfficialCli([...deployArgs(backend), '--yes'], dir);
  expect(result.code, result.stderr).toBe(0);
}

describe('selfhost and the official convex CLI', () => {
  test(
    'send the same start_push body for the same app (same esbuild version)',
    { timeout: 120_000 },
    async () => {
      await using ours = await startFakeBackend();
      await using theirs = await startFakeBackend();
      using projectA = createTestProject('convex-app', { keepGenerated: true });
      using projectB = createTestProject('convex-app', { keepGenerated: true });
      // Same relative layout, so bundles (and the paths in their comments and maps) can match.
      await deployWithConvex(theirs, projectA.dir);
      await deployWithSelfhost(ours, projectB.dir);
      const [official] = startPushes(theirs);
      const [selfhost] = startPushes(ours);
      if (official === undefined || selfhost === undefined)
        throw new Error('no start_push recorded');
      const shape = (body: PushBody) =>
        body.appDefinition.changedModules.map((module) => `${module.environment} ${module.path}`);
      expect(shape(selfhost)).toEqual(shape(official));
      expect(selfhost.appDefinition.changedModules).toEqual(official.appDefinition.changedModules);
      expect(selfhost.appDefinition.schema).toEqual(official.appDefinition.schema);
      expect(selfhost.appDefinition.definition).toEqual(official.appDefinition.definition);
      const {
        changedModules: _a,
        definition: _b,
        schema: _c,
        ...restOurs
      } = selfhost.appDefinition;
      const {
        changedModules: _d,
        definition: _e,
        schema: _f,
        ...restTheirs
      } = official.appDefinition;
      expect(restOurs).toEqual(restTheirs);
      const {
        appDefinition: _g,
        adminKey: _h,
        ...topOurs
      } = selfhost as PushBody & { adminKey: string };
      const {
        appDefinition: _i,
        adminKey: _j,
        ...topTheirs
      } = official as PushBody & { adminKey: string };
      expect(topOurs).toEqual(topTheirs);

      // evaluate_schema: newer official CLIs try it first (404 here); report_push_completed: the
      // official CLI sends it without waiting, so it may exit before it goes out.
      const ignored = new Set([
        '/api/deploy2/evaluate_schema',
        '/api/deploy2/report_push_completed',
      ]);
      const paths = (backend: FakeBackend) =>
        backend.requests.map((request) => request.path).filter((path) => !ignored.has(path));
      expect(paths(ours)).toEqual(paths(theirs));
      const waits = (backend: FakeBackend) =>
        backend.requests
          .filter((request) => request.path === '/api/deploy2/wait_for_schema')
          .map((request) => request.body);
      expect(waits(ours)).toEqual(waits(theirs));
    },
  );

  test('a push by one is unchanged for the other, both ways', { timeout: 120_000 }, async () => {
    await using backend = await startFakeBackend();
    using project = createTestProject('convex-app', { keepGenerated: true });
    await deployWithSelfhost(backend, project.dir);
    await deployWithConvex(backend, project.dir);
    await deployWithSelfhost(backend, project.dir);
    const [, byConvex, bySelfhost] = startPushes(backend);
    for (const push of [byConvex, bySelfhost]) {
      expect(push?.appDefinition.changedModules.map((module) => module.path)).toEqual([]);
      expect(push?.appDefinition.unchangedModuleHashes.length).toBe(8);
    }
  });

  test(
    'the official CLI pushes over an app pushed by selfhost with its own esbuild',
    { timeout: 120_000 },
    async () => {
      await using backend = await startFakeBackend();
      using project = createTestProject('convex-app');
      const { ctx, stderr } = createTestContext({ cwd: project.dir });
      expect(await runCli(deployArgs(backend, 'enable'), ctx), stderr()).toBe(0);
      const result = await runOfficialCli([...deployArgs(backend, 'enable'), '--yes'], project.dir);
      expect(result.code, result.stderr).toBe(0);
      expect(
        [...backend.modules.keys()].filter((path) => !path.startsWith('_deps/')).sort(),
      ).toEqual(['dir/users.js', 'http.js', 'lib/format.js', 'messages.js', 'nodeActions.js']);
    },
  );
});
