// Oracle: the CLI's own zod schemas (convex/src/cli/lib/deployApi/*.ts, shipped in the `convex`
// package) list the keys it requires in push responses and sends in push requests. zod is not
// installed here, so the test reads the keys out of that source and compares them with ours:
// every key the CLI requires in a response must be a required key of our schema, and every key
// the CLI sends must be known to our request schema (unknown keys are dropped, so a missing one
// would silently lose data).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as v from 'valibot';
import { describe, expect, test } from 'vitest';
import { checkedComponentSchema } from './checked-component.ts';
import {
  analyzedFunctionSchema,
  analyzedModuleSchema,
  analyzedSchemaSchema,
  componentDefinitionMetadataSchema,
  evaluatedComponentDefinitionSchema,
  udfConfigSchema,
} from './component-definition.ts';
import { componentDiffSchema, finishPushDiffSchema } from './finish-push.ts';
import { indexDiffSchema, schemaChangeSchema } from './index-diff.ts';
import {
  moduleConfigSchema,
  moduleHashConfigSchema,
  nodeDependencySchema,
} from './module-config.ts';
import {
  appDefinitionConfigSchema,
  componentDefinitionConfigSchema,
  startPushRequestSchema,
} from './start-push-request.ts';
import { evaluatePushResponseSchema, startPushResponseSchema } from './start-push-response.ts';

const deployApi = path.join(
  path.dirname(createRequire(import.meta.url).resolve('convex/package.json')),
  'src/cli/lib/deployApi',
);

/** The keys of `export const <name> = … looseObject({ … })` in a CLI file, and whether each is optional. */
function cliKeys(file: string, name: string): Map<string, boolean> {
  const source = readFileSync(path.join(deployApi, file), 'utf8');
  const declaration = new RegExp(`export const ${name}\\b\\s*[:=]`).exec(source);
  if (declaration === null) throw new Error(`${name} not found in ${file}`);
  const open = source.indexOf('looseObject({', declaration.index) + 'looseObject({'.length;
  // Split the object literal into its top-level entries, at commas outside any brackets.
  const entries: string[] = [];
  let depth = 0;
  let current = '';
  for (let i = open; i < source.length; i++) {
    const char = source[i]!;
    if (depth === 0 && char === '}') break;
    if ('{(['.includes(char)) depth++;
    if ('})]'.includes(char)) depth--;
    if (depth === 0 && char === ',') {
      entries.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  entries.push(current);
  const keys = new Map<string, boolean>();
  for (const entry of entries.map((text) => text.replace(/\/\/.*$/gm, '').trim()).filter(Boolean)) {
    const match = /^(\w+)\s*(?::([\s\S]*))?$/.exec(entry);
    if (match === null) throw new Error(`cannot read entry ${entry} of ${name}`);
    keys.set(
      match[1]!,
      /\.optional\(\)|z\.optional\(|\.nullish\(\)|z\.any\(\)/.test(match[2] ?? ''),
    );
  }
  return keys;
}

type AnySchema = v.GenericSchema & {
  type: string;
  entries?: Record<string, AnySchema>;
  getter?: (input: unknown) => AnySchema;
  pipe?: AnySchema[];
  wrapped?: AnySchema;
  default?: unknown;
};

function entriesOf(schema: AnySchema): Record<string, AnySchema> {
  if (schema.entries !== undefined) return schema.entries;
  if (schema.getter !== undefined) return entriesOf(schema.getter(undefined));
  if (schema.pipe !== undefined) return entriesOf(schema.pipe[0]!);
  if (schema.wrapped !== undefined) return entriesOf(schema.wrapped);
  throw new Error(`no object entries in a ${schema.type} schema`);
}

function isOutputOptional(schema: AnySchema): boolean {
  return schema.type === 'optional' && schema.default === undefined;
}

const responses: [string, string, v.GenericSchema][] = [
  ['startPush.ts', 'startPushResponse', startPushResponseSchema],
  ['startPush.ts', 'evaluatePushResponse', evaluatePushResponseSchema],
  ['startPush.ts', 'schemaChange', schemaChangeSchema],
  ['finishPush.ts', 'finishPushDiff', finishPushDiffSchema],
  ['finishPush.ts', 'componentDiff', componentDiffSchema],
  ['finishPush.ts', 'indexDiff', indexDiffSchema],
  ['componentDefinition.ts', 'evaluatedComponentDefinition', evaluatedComponentDefinitionSchema],
  ['componentDefinition.ts', 'componentDefinitionMetadata', componentDefinitionMetadataSchema],
  ['componentDefinition.ts', 'analyzedSchema', analyzedSchemaSchema],
  ['modules.ts', 'analyzedModule', analyzedModuleSchema],
  ['modules.ts', 'analyzedFunction', analyzedFunctionSchema],
  ['modules.ts', 'udfConfig', udfConfigSchema],
  ['checkedComponent.ts', 'checkedComponent', checkedComponentSchema],
];

const requests: [string, string, v.GenericSchema][] = [
  ['startPush.ts', 'startPushRequest', startPushRequestSchema],
  ['definitionConfig.ts', 'appDefinitionConfig', appDefinitionConfigSchema],
  ['definitionConfig.ts', 'componentDefinitionConfig', componentDefinitionConfigSchema],
  ['modules.ts', 'moduleConfig', moduleConfigSchema],
  ['modules.ts', 'moduleHashConfig', moduleHashConfigSchema],
  ['modules.ts', 'nodeDependency', nodeDependencySchema],
];

describe('push schemas against the CLI zod schemas', () => {
  test.each(responses)(
    '%s %s: every key the CLI requires is a required key of ours',
    (file, name, schema) => {
      const cli = cliKeys(file, name);
      expect(cli.size).toBeGreaterThan(0);
      const ours = entriesOf(schema);
      for (const [key, optional] of cli) {
        expect(Object.keys(ours), `${name}.${key}`).toContain(key);
        if (!optional)
          expect(isOutputOptional(ours[key]!), `${name}.${key} must be required`).toBe(false);
      }
    },
  );

  test('the table definitions inside analyzedSchema', () => {
    const cli = cliKeys('componentDefinition.ts', 'tableDefinition');
    const tables = entriesOf(analyzedSchemaSchema).tables as AnySchema & { item: AnySchema };
    const ours = entriesOf(tables.item);
    for (const [key, optional] of cli) {
      expect(Object.keys(ours)).toContain(key);
      if (!optional) expect(isOutputOptional(ours[key]!), key).toBe(false);
    }
  });

  test.each(requests)('%s %s: every key the CLI sends is known to ours', (file, name, schema) => {
    const cli = cliKeys(file, name);
    expect(cli.size).toBeGreaterThan(0);
    expect(Object.keys(entriesOf(schema as AnySchema))).toEqual(
      expect.arrayContaining([...cli.keys()]),
    );
  });
});
