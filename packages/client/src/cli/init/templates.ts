import type { ServerPackage } from '../config/server-package.ts';

/**
 * `convex/tsconfig.json` for a new project: the settings function code needs (ES modules,
 * bundler resolution, no emit, DOM types for `fetch` & co.), and `_generated/` excluded.
 *
 * @example
 * ```ts
 * writeFileSync('convex/tsconfig.json', tsconfigTemplate());
 * ```
 */
export function tsconfigTemplate(): string {
  return `{
  /* Type-checks the functions in this directory (\`selfhost dev\` runs \`tsc\` with it).
   * Change what you like; the options in the second group are needed by the runtime. */
  "compilerOptions": {
    "allowJs": true,
    "strict": true,
    "moduleResolution": "Bundler",
    "jsx": "react-jsx",
    "skipLibCheck": true,
    "allowSyntheticDefaultImports": true,

    "target": "ESNext",
    "lib": ["ES2023", "dom"],
    "forceConsistentCasingInFileNames": true,
    "module": "ESNext",
    "isolatedModules": true,
    "noEmit": true
  },
  "include": ["./**/*"],
  "exclude": ["./_generated"]
}
`;
}

/**
 * A sample `convex/schema.ts`: one `messages` table.
 *
 * @example
 * ```ts
 * schemaTemplate(pkg);
 * ```
 */
export function schemaTemplate(pkg: ServerPackage): string {
  return `import { defineSchema, defineTable } from "${pkg.server}";
import { v } from "${pkg.values}";

// The tables of this app and the shape of their documents.
export default defineSchema({
  messages: defineTable({
    author: v.string(),
    body: v.string(),
  }),
});
`;
}

/**
 * A sample `convex/messages.ts`: a query and a mutation over the sample table.
 *
 * @example
 * ```ts
 * messagesTemplate(pkg);
 * ```
 */
export function messagesTemplate(pkg: ServerPackage): string {
  return `import { v } from "${pkg.values}";
import { mutation, query } from "./_generated/server";

// The 50 newest messages. Clients subscribe with useQuery(api.messages.list).
export const list = query({
  args: {},
  handler: async (ctx) => {
    return await ctx.db.query("messages").order("desc").take(50);
  },
});

// Adds a message; every client showing \`list\` updates. Try it:
//   npx selfhost run messages:send '{ author: "me", body: "hello" }'
export const send = mutation({
  args: { author: v.string(), body: v.string() },
  handler: async (ctx, { author, body }) => {
    console.log(\`\${author} says \${body}\`);
    return await ctx.db.insert("messages", { author, body });
  },
});
`;
}
