import { defineSchema, defineTable } from 'convex/server';
import { v } from 'convex/values';

// Schema validation is on (the default): a push whose schema existing documents break is refused.
export default defineSchema({
  messages: defineTable({
    author: v.string(),
    body: v.string(),
    likes: v.optional(v.number()),
  })
    .index('by_author', ['author'])
    .index('by_author_and_likes', ['author', 'likes']),
  counters: defineTable({ name: v.string(), value: v.number() }).index('by_name', ['name']),
});
