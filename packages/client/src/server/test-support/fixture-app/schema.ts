// A tiny Convex app written the way apps are, importing @selfhost/client instead of convex, with
// `_generated/` files in the shape `npx convex codegen` writes them (TypeScript variant). Type
// tests check that it type-checks and infers what the official package infers.
import { defineSchema, defineTable } from '@selfhost/client/server';
import { v } from '@selfhost/client/values';

const schema = defineSchema({
  messages: defineTable({
    channel: v.string(),
    body: v.string(),
    author: v.id('users'),
    likes: v.optional(v.number()),
    meta: v.object({ pinned: v.boolean(), tags: v.array(v.string()) }),
    embedding: v.array(v.float64()),
  })
    .index('by_channel', ['channel'])
    .index('by_channel_author', { fields: ['channel', 'author'] })
    .index('by_pinned', ['meta.pinned'])
    .searchIndex('search_body', { searchField: 'body', filterFields: ['channel'] })
    .vectorIndex('by_embedding', {
      vectorField: 'embedding',
      dimensions: 3,
      filterFields: ['channel'],
    }),
  users: defineTable({ name: v.string(), email: v.string(), counter: v.int64() }).index(
    'by_email',
    ['email'],
  ),
  shapes: defineTable(
    v.union(
      v.object({ kind: v.literal('circle'), r: v.number() }),
      v.object({ kind: v.literal('square'), side: v.number() }),
    ),
  ),
});

// Convex reads the schema from the module's default export.
export default schema;
