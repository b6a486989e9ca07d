import * as v from 'valibot';
import type { JSONValue } from '@selfhost/values';
import { jsonValueSchema } from '../../json-value.ts';

/**
 * Schema for a resource bound in a component: a serialized value or a function reference.
 *
 * @example
 * ```ts
 * const resource: Resource = { type: 'function', path: { component: '', udfPath: 'messages:list' } };
 * ```
 */
export const resourceSchema = v.variant('type', [
  v.object({ type: v.literal('value'), value: v.string() }),
  v.object({
    type: v.literal('function'),
    path: v.object({ component: v.string(), udfPath: v.string() }),
  }),
]);

/**
 * A resource bound in a component.
 *
 * @example
 * ```ts
 * const resource: Resource = { type: 'value', value: '"hello"' };
 * ```
 */
export type Resource = v.InferOutput<typeof resourceSchema>;

/**
 * The checked exports tree of a component instance.
 *
 * @example
 * ```ts
 * const exports: CheckedExport = { type: 'branch', children: {} };
 * ```
 */
export type CheckedExport =
  | { type: 'branch'; children: Record<string, CheckedExport> }
  | { type: 'leaf'; resource: Resource };

/**
 * Schema for {@link CheckedExport}.
 *
 * @example
 * ```ts
 * v.parse(checkedExportSchema, { type: 'leaf', resource: { type: 'value', value: '1' } });
 * ```
 */
export const checkedExportSchema: v.GenericSchema<CheckedExport> = v.lazy(() =>
  v.variant('type', [
    v.object({ type: v.literal('branch'), children: v.record(v.string(), checkedExportSchema) }),
    v.object({ type: v.literal('leaf'), resource: resourceSchema }),
  ]),
);

/**
 * A checked component instance (the `app` of a `start_push` answer; echoed back in
 * `finish_push`). For a root-only app:
 * `{"definitionPath":"","componentPath":"","args":{},"childComponents":{},"httpRoutes":{"httpModuleRoutes":null,"mounts":[]},"exports":{},"env":{},"httpPrefix":null}`.
 *
 * @example
 * ```ts
 * const app: CheckedComponent = {
 *   definitionPath: '',
 *   componentPath: '',
 *   args: {},
 *   childComponents: {},
 *   httpRoutes: { httpModuleRoutes: [{ method: 'GET', path: '/x' }], mounts: [] },
 *   exports: {},
 *   env: {},
 *   httpPrefix: null,
 * };
 * ```
 */
export type CheckedComponent = {
  definitionPath: string;
  componentPath: string;
  args: Record<string, Resource>;
  childComponents: Record<string, CheckedComponent>;
  httpRoutes: { httpModuleRoutes: { method: string; path: string }[] | null; mounts: string[] };
  exports: Record<string, CheckedExport>;
  env?: JSONValue | undefined;
  httpPrefix?: string | null | undefined;
};

/**
 * Schema for {@link CheckedComponent}.
 *
 * @example
 * ```ts
 * v.parse(checkedComponentSchema, app);
 * ```
 */
export const checkedComponentSchema: v.GenericSchema<CheckedComponent> = v.lazy(() =>
  v.object({
    definitionPath: v.string(),
    componentPath: v.string(),
    args: v.record(v.string(), resourceSchema),
    childComponents: v.record(v.string(), checkedComponentSchema),
    httpRoutes: v.object({
      httpModuleRoutes: v.nullable(v.array(v.object({ method: v.string(), path: v.string() }))),
      mounts: v.array(v.string()),
    }),
    exports: v.record(v.string(), checkedExportSchema),
    env: v.optional(jsonValueSchema),
    httpPrefix: v.optional(v.nullable(v.string())),
  }),
);
