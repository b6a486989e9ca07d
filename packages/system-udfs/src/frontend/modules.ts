import { query } from '@selfhost/client/server';
import { v } from '@selfhost/client/values';
import { privateTables } from '../system-tables.ts';

const functionValidator = v.object({
  name: v.string(),
  udfType: v.union(v.literal('Query'), v.literal('Mutation'), v.literal('Action'), v.literal('HttpAction')),
  visibility: v.object({ kind: v.union(v.literal('public'), v.literal('internal')) }),
  argsValidator: v.string(),
  returns: v.optional(v.string()),
});

/**
 * `_system/frontend/modules:list`: every user module (`path` with `.js`) and its functions —
 * type, visibility and args validator (JSON text) — in the shape the Convex dashboard reads.
 * HTTP routes appear as functions of `http.js` named `"<METHOD> <path>"` of type `HttpAction`.
 */
export const list = query({
  args: {},
  returns: v.array(v.array(v.union(v.string(), v.object({ functions: v.array(functionValidator), creationTime: v.number() })))),
  handler: async (ctx) => {
    const modules = await privateTables(ctx.db).query('_modules').withIndex('by_path').collect();
    return modules
      .filter((module) => !module.path.startsWith('_'))
      .map((module) => {
        const functions = module.functions.map((fn) => ({
          name: fn.name,
          udfType: fn.udfType,
          visibility: fn.visibility ?? { kind: 'public' as const },
          argsValidator: fn.args === '' ? '{"type":"any"}' : fn.args,
          returns: fn.returns,
        }));
        for (const route of module.httpRoutes ?? []) {
          functions.push({
            name: `${route.method} ${route.path}`,
            udfType: 'HttpAction' as never,
            visibility: { kind: 'public' },
            argsValidator: '{"type":"any"}',
            returns: 'null',
          });
        }
        return [module.path, { functions, creationTime: module._creationTime }];
      });
  },
});
