import { defineSchema, defineTable } from '@selfhost/client/server';
import { v } from '@selfhost/client/values';

export default defineSchema({
  messages: defineTable({ author: v.string(), body: v.string() }),
});
