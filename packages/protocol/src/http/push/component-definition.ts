import * as v from 'valibot';
import { jsonValueOrNullSchema, jsonValueSchema } from '../../json-value.ts';

/**
 * The exports tree of a component definition: leaves are function references.
 *
 * @example
 * ```ts
 * const exports: ComponentExports = { type: 'branch', branch: [['messages', { type: 'leaf', leaf: '_reference/…' }]] };
 * ```
 */
export type ComponentExports =
  { type: 'leaf'; leaf: string } | { type: 'branch'; branch: [string, ComponentExports][] };

/**
 * Schema for {@link ComponentExports}.
 *
 * @example
 * ```ts
 * v.parse(componentExportsSchema, { type: 'branch', branch: [] });
 * ```
 */
export const componentExportsSchema: v.GenericSchema<ComponentExports> = v.lazy(() =>
  v.variant('type', [
    v.object({ type: v.literal('leaf'), leaf: v.string() }),
    v.object({
      type: v.literal('branch'),
      branch: v.array(v.tuple([v.string(), componentExportsSchema])),
    }),
  ]),
);

const envBindingSchema = v.variant('type', [
  v.object({ type: v.literal('value'), value: v.string() }),
  v.object({ type: v.literal('envVar'), name: v.string() }),
]);

/**
 * Schema for a component definition's metadata (`analysis[path].definition`). For a root app
 * without `convex.config.ts`: `{"path":"","definitionType":{"type":"app"},"childComponents":[],
 * "httpMounts":{},"exports":{"type":"branch","branch":[]},"envVars":null}`.
 *
 * @example
 * ```ts
 * const root: ComponentDefinitionMetadata = {
 *   path: '',
 *   definitionType: { type: 'app' },
 *   childComponents: [],
 *   httpMounts: {},
 *   exports: { type: 'branch', branch: [] },
 *   envVars: null,
 * };
 * ```
 */
export const componentDefinitionMetadataSchema = v.object({
  path: v.string(),
  definitionType: v.variant('type', [
    v.object({ type: v.literal('app'), httpPrefix: v.optional(v.string()) }),
    v.object({
      type: v.literal('childComponent'),
      name: v.string(),
      args: v.optional(jsonValueSchema),
    }),
  ]),
  childComponents: v.array(
    v.object({
      name: v.string(),
      path: v.string(),
      args: v.optional(jsonValueSchema),
      env: v.optional(v.nullable(v.array(v.tuple([v.string(), envBindingSchema])))),
    }),
  ),
  httpMounts: v.record(v.string(), v.string()),
  exports: v.object({
    type: v.literal('branch'),
    branch: v.array(v.tuple([v.string(), componentExportsSchema])),
  }),
  envVars: v.optional(
    v.nullable(
      v.array(
        v.tuple([
          v.string(),
          v.object({
            type: v.literal('value'),
            value: v.string(),
            optional: v.optional(v.boolean()),
          }),
        ]),
      ),
    ),
    null,
  ),
});

/**
 * A component definition's metadata.
 *
 * @example
 * ```ts
 * declare const metadata: ComponentDefinitionMetadata;
 * metadata.childComponents.map((child) => child.name);
 * ```
 */
export type ComponentDefinitionMetadata = v.InferOutput<typeof componentDefinitionMetadataSchema>;

/**
 * Schema for one analyzed function of a module (spec §4.5). `args`/`returns` are validator JSON
 * text, `null` when the function declares none.
 *
 * @example
 * ```ts
 * const fn: AnalyzedFunction = { name: 'list', pos: null, udfType: 'Query', visibility: { kind: 'public' }, args: '{"type":"any"}', returns: null };
 * ```
 */
export const analyzedFunctionSchema = v.object({
  name: v.string(),
  pos: v.optional(jsonValueSchema),
  udfType: v.picklist(['Query', 'Mutation', 'Action']),
  visibility: v.nullable(
    v.variant('kind', [
      v.object({ kind: v.literal('public') }),
      v.object({ kind: v.literal('internal') }),
    ]),
  ),
  args: v.nullable(v.string()),
  returns: v.nullable(v.string()),
});

/**
 * An analyzed function.
 *
 * @example
 * ```ts
 * const fn: AnalyzedFunction = { name: 'send', udfType: 'Mutation', visibility: { kind: 'internal' }, args: null, returns: null };
 * ```
 */
export type AnalyzedFunction = v.InferOutput<typeof analyzedFunctionSchema>;

/**
 * Schema for an analyzed module: its functions, plus `httpRoutes` (only `http.js`), `cronSpecs`
 * (only `crons.js`) and `sourceMapped`, each `null` when not applicable.
 *
 * @example
 * ```ts
 * const module: AnalyzedModule = { functions: [], httpRoutes: null, cronSpecs: null, sourceMapped: null };
 * ```
 */
export const analyzedModuleSchema = v.object({
  functions: v.array(analyzedFunctionSchema),
  httpRoutes: jsonValueOrNullSchema,
  cronSpecs: jsonValueOrNullSchema,
  sourceMapped: jsonValueOrNullSchema,
});

/**
 * An analyzed module.
 *
 * @example
 * ```ts
 * declare const module: AnalyzedModule;
 * module.functions.filter((fn) => fn.visibility?.kind === 'public');
 * ```
 */
export type AnalyzedModule = v.InferOutput<typeof analyzedModuleSchema>;

const indexSchema = v.object({ indexDescriptor: v.string(), fields: v.array(v.string()) });
const searchIndexSchema = v.object({
  indexDescriptor: v.string(),
  searchField: v.string(),
  filterFields: v.array(v.string()),
});
const vectorIndexSchema = v.object({
  indexDescriptor: v.string(),
  vectorField: v.string(),
  dimensions: v.optional(v.number()),
  filterFields: v.array(v.string()),
});

/**
 * Schema for the analyzed `schema.js` export (spec §4.5); `documentType` is validator JSON.
 *
 * @example
 * ```ts
 * const schema: AnalyzedSchema = { tables: [{ tableName: 'messages', indexes: [], documentType: { type: 'any' } }], schemaValidation: true };
 * ```
 */
export const analyzedSchemaSchema = v.object({
  tables: v.array(
    v.object({
      tableName: v.string(),
      indexes: v.array(indexSchema),
      stagedDbIndexes: v.optional(v.array(indexSchema)),
      searchIndexes: v.optional(v.nullable(v.array(searchIndexSchema))),
      stagedSearchIndexes: v.optional(v.nullable(v.array(searchIndexSchema))),
      vectorIndexes: v.optional(v.nullable(v.array(vectorIndexSchema))),
      stagedVectorIndexes: v.optional(v.nullable(v.array(vectorIndexSchema))),
      documentType: jsonValueSchema,
    }),
  ),
  schemaValidation: v.boolean(),
});

/**
 * An analyzed schema.
 *
 * @example
 * ```ts
 * declare const schema: AnalyzedSchema;
 * schema.tables.map((table) => table.tableName);
 * ```
 */
export type AnalyzedSchema = v.InferOutput<typeof analyzedSchemaSchema>;

/**
 * Schema for `udfConfig`: the server version the modules were built for, and the seed and
 * timestamp (Convex-JSON `$bytes` / `$integer`) used for `Math.random`/`Date` during import.
 *
 * @example
 * ```ts
 * const config: UdfConfig = { serverVersion: '1.45.0', importPhaseRngSeed: { $bytes: '…' }, importPhaseUnixTimestamp: { $integer: '…' } };
 * ```
 */
export const udfConfigSchema = v.object({
  serverVersion: v.string(),
  importPhaseRngSeed: jsonValueSchema,
  importPhaseUnixTimestamp: jsonValueSchema,
});

/**
 * A `udfConfig`.
 *
 * @example
 * ```ts
 * declare const config: UdfConfig;
 * config.serverVersion;
 * ```
 */
export type UdfConfig = v.InferOutput<typeof udfConfigSchema>;

/**
 * Schema for `EvaluatedComponentDefinition`, one entry of `analysis` (the root's key is `""`).
 * The CLI's codegen reads `schema` (data model), `functions` (API) and `definition`.
 *
 * @example
 * ```ts
 * const root: EvaluatedComponentDefinition = { definition, schema: null, functions: { 'messages.js': module }, udfConfig };
 * ```
 */
export const evaluatedComponentDefinitionSchema = v.object({
  definition: componentDefinitionMetadataSchema,
  schema: v.optional(v.nullable(analyzedSchemaSchema), null),
  functions: v.record(v.string(), analyzedModuleSchema),
  udfConfig: udfConfigSchema,
});

/**
 * An evaluated component definition.
 *
 * @example
 * ```ts
 * declare const analysis: Record<string, EvaluatedComponentDefinition>;
 * Object.keys(analysis['']!.functions);
 * ```
 */
export type EvaluatedComponentDefinition = v.InferOutput<typeof evaluatedComponentDefinitionSchema>;
