// `selfhost codegen` and the official `npx convex codegen` run on the same app against the same
// (fake) backend: the generated files must have the same names, the same runtime exports and the
// same types — checked by `tsc` on a file asserting type identity between the two `_generated/`.
import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { runCli } from '../run-cli.ts';
import { startFakeBackend } from '../test-support/fake-backend.ts';
import { runOfficialCli } from '../test-support/run-official-cli.ts';
import { createTestContext } from '../test-support/test-context.ts';
import { createTestProject } from '../test-support/test-project.ts';

const VARIANTS = {
  'default (js/dts, types from the modules and the schema)': {},
  'codegen.staticApi + staticDataModel': { codegen: { staticApi: true, staticDataModel: true } },
  'codegen.fileType "ts"': { codegen: { fileType: 'ts' } },
  generateCommonJSApi: { generateCommonJSApi: true },
};

const CHECKS = `
import type * as OursApi from "./_generated/api";
import type * as TheirsApi from "./_generated_official/api";
import type * as OursServer from "./_generated/server";
import type * as TheirsServer from "./_generated_official/server";
import type * as OursModel from "./_generated/dataModel";
import type * as TheirsModel from "./_generated_official/dataModel";

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Expect<T extends true> = T;

export type Checks = [
  Expect<Equal<keyof typeof OursApi, keyof typeof TheirsApi>>,
  Expect<Equal<typeof OursApi.api, typeof TheirsApi.api>>,
  Expect<Equal<typeof OursApi.internal, typeof TheirsApi.internal>>,
  Expect<Equal<typeof OursApi.components, typeof TheirsApi.components>>,
  Expect<Equal<keyof typeof OursServer, keyof typeof TheirsServer>>,
  Expect<Equal<typeof OursServer.query, typeof TheirsServer.query>>,
  Expect<Equal<typeof OursServer.internalQuery, typeof TheirsServer.internalQuery>>,
  Expect<Equal<typeof OursServer.mutation, typeof TheirsServer.mutation>>,
  Expect<Equal<typeof OursServer.internalMutation, typeof TheirsServer.internalMutation>>,
  Expect<Equal<typeof OursServer.action, typeof TheirsServer.action>>,
  Expect<Equal<typeof OursServer.internalAction, typeof TheirsServer.internalAction>>,
  Expect<Equal<typeof OursServer.httpAction, typeof TheirsServer.httpAction>>,
  Expect<Equal<typeof OursServer.env, typeof TheirsServer.env>>,
  Expect<Equal<OursServer.QueryCtx, TheirsServer.QueryCtx>>,
  Expect<Equal<OursServer.MutationCtx, TheirsServer.MutationCtx>>,
  Expect<Equal<OursServer.ActionCtx, TheirsServer.ActionCtx>>,
  Expect<Equal<OursServer.DatabaseReader, TheirsServer.DatabaseReader>>,
  Expect<Equal<OursServer.DatabaseWriter, TheirsServer.DatabaseWriter>>,
  Expect<Equal<OursModel.DataModel, TheirsModel.DataModel>>,
  Expect<Equal<OursModel.TableNames, TheirsModel.TableNames>>,
  Expect<Equal<OursModel.Doc<"messages">, TheirsModel.Doc<"messages">>>,
  Expect<Equal<OursModel.Doc<"shapes">, TheirsModel.Doc<"shapes">>>,
  Expect<Equal<OursModel.Id<"users">, TheirsModel.Id<"users">>>,
  Expect<Equal<OursModel.Id<"_storage">, TheirsModel.Id<"_storage">>>,
];
`;

describe('codegen compared with the official convex CLI', () => {
  for (const [name, convexJson] of Object.entries(VARIANTS)) {
    test(name, { timeout: 120_000 }, async () => {
      await using backend = await startFakeBackend();
      using official = createTestProject('convex-app');
      using ours = createTestProject('convex-app');
      for (const dir of [official.dir, ours.dir])
        writeFileSync(path.join(dir, 'convex.json'), JSON.stringify(convexJson));
      const credentials = [
        '--url',
        backend.url,
        '--admin-key',
        backend.adminKey,
        '--typecheck',
        'disable',
      ];
      const result = await runOfficialCli(['codegen', ...credentials], official.dir);
      expect(result.code, result.stderr).toBe(0);
      const { ctx, stderr } = createTestContext({ cwd: ours.dir });
      expect(await runCli(['codegen', ...credentials], ctx), stderr()).toBe(0);

      const officialGenerated = path.join(official.functionsDir, '_generated');
      const ourGenerated = path.join(ours.functionsDir, '_generated');
      expect(readdirSync(ourGenerated).sort()).toEqual(readdirSync(officialGenerated).sort());

      if (readdirSync(ourGenerated).includes('api.js')) {
        for (const file of ['api.js', 'server.js']) {
          const ourExports = Object.keys(
            await import(pathToFileURL(path.join(ourGenerated, file)).href),
          ).sort();
          const theirExports = Object.keys(
            await import(pathToFileURL(path.join(officialGenerated, file)).href),
          ).sort();
          expect(ourExports, file).toEqual(theirExports);
        }
      }

      cpSync(officialGenerated, path.join(ours.functionsDir, '_generated_official'), {
        recursive: true,
      });
      writeFileSync(path.join(ours.functionsDir, 'equivalence.ts'), CHECKS);
      const tsc = spawnSync(
        process.execPath,
        [
          path.join(ours.dir, 'node_modules/typescript/bin/tsc'),
          '--noEmit',
          '--project',
          ours.functionsDir,
        ],
        {
          encoding: 'utf8',
        },
      );
      expect(tsc.stdout + tsc.stderr).toBe('');
      expect(tsc.status).toBe(0);
    });
  }
});
