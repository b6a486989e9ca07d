import * as v from 'valibot';
import {
  moduleConfigSchema,
  moduleHashConfigSchema,
  nodeDependencySchema,
  type ModuleConfig,
  type ModuleHashConfig,
} from './module-config.ts';

/**
 * Schema for the root app in a push. CLIs ≤ 1.31.5 send all modules as `functions` and no
 * `unchangedModuleHashes`; the output always has `changedModules` and `unchangedModuleHashes`.
 *
 * @example
 * ```ts
 * v.parse(appDefinitionConfigSchema, { definition: null, dependencies: [], schema: null, functions: [], udfServerVersion: '1.31.0' });
 * // { …, changedModules: [], unchangedModuleHashes: [] }
 * ```
 */
export const appDefinitionConfigSchema = v.pipe(
  v.object({
    definition: v.nullable(moduleConfigSchema),
    dependencies: v.optional(v.array(v.string()), () => []),
    schema: v.nullable(moduleConfigSchema),
    changedModules: v.optional(v.array(moduleConfigSchema)),
    functions: v.optional(v.array(moduleConfigSchema)),
    unchangedModuleHashes: v.optional(v.array(moduleHashConfigSchema), () => []),
    udfServerVersion: v.string(),
  }),
  v.check(
    (app) => app.changedModules !== undefined || app.functions !== undefined,
    'expected "changedModules" (or, from old CLIs, "functions")',
  ),
  v.transform(({ changedModules, functions, ...rest }): AppDefinitionConfig => ({
    ...rest,
    changedModules: changedModules ?? functions ?? [],
  })),
);

/**
 * The root app of a push, normalized.
 *
 * @example
 * ```ts
 * const app: AppDefinitionConfig = {
 *   definition: null,
 *   dependencies: [],
 *   schema: null,
 *   changedModules: [{ path: 'messages.js', source: '…', environment: 'isolate' }],
 *   unchangedModuleHashes: [],
 *   udfServerVersion: '1.45.0',
 * };
 * ```
 */
export type AppDefinitionConfig = {
  definition: ModuleConfig | null;
  dependencies: string[];
  schema: ModuleConfig | null;
  changedModules: ModuleConfig[];
  unchangedModuleHashes: ModuleHashConfig[];
  udfServerVersion: string;
};

/**
 * Schema for one component definition (`convex.config.ts` components) in a push.
 *
 * @example
 * ```ts
 * const component: ComponentDefinitionConfig = { definitionPath: '../node_modules/x', definition, dependencies: [], schema: null, functions: [], udfServerVersion: '1.45.0' };
 * ```
 */
export const componentDefinitionConfigSchema = v.object({
  definitionPath: v.string(),
  definition: moduleConfigSchema,
  dependencies: v.array(v.string()),
  schema: v.nullable(moduleConfigSchema),
  functions: v.array(moduleConfigSchema),
  udfServerVersion: v.string(),
});

/**
 * A component definition in a push.
 *
 * @example
 * ```ts
 * declare const component: ComponentDefinitionConfig;
 * component.functions.map((module) => module.path);
 * ```
 */
export type ComponentDefinitionConfig = v.InferOutput<typeof componentDefinitionConfigSchema>;

/**
 * Schema for the body of `POST /api/deploy2/start_push` and `/api/deploy2/evaluate_push`
 * (spec §2.3; the body is brotli-compressed JSON). Unknown fields are accepted and dropped.
 *
 * @example
 * ```ts
 * const request = parseHttpJsonText(startPushRequestSchema, brotliDecompressed, 'POST /api/deploy2/start_push');
 * ```
 */
export const startPushRequestSchema = v.object({
  adminKey: v.optional(v.string()),
  dryRun: v.boolean(),
  forCodegen: v.optional(v.boolean()),
  functions: v.string(),
  appDefinition: appDefinitionConfigSchema,
  componentDefinitions: v.optional(v.array(componentDefinitionConfigSchema), () => []),
  nodeDependencies: v.optional(v.array(nodeDependencySchema), () => []),
  nodeVersion: v.optional(v.string()),
});

/**
 * A `start_push` request, normalized.
 *
 * @example
 * ```ts
 * declare const request: StartPushRequest;
 * if (request.nodeVersion === '18') throw new ProtocolError('NodeVersionNotSupported', 'Node 18 is no longer supported');
 * ```
 */
export type StartPushRequest = v.InferOutput<typeof startPushRequestSchema>;
