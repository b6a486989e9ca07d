import { defineSchema, defineTable } from 'convex/server';
import { v } from 'convex/values';

export default defineSchema({
  messages: defineTable({
    author: v.string(),
    body: v.string(),
    likes: v.optional(v.number()),
    channel: v.optional(v.id('channels')),
  }).index('by_author', ['author']),
  channels: defineTable({ name: v.string() }),
  notes: defineTable({ n: v.number(), text: v.string() }).index('by_n', ['n']),
});
