import { defineSchema, defineTable } from 'convex/server';
import { v } from 'convex/values';

// The sync acceptance tests' app (test/sync/*.test.ts and bench/sync.bench.ts).
export default defineSchema({
  notes: defineTable({ client: v.string(), seq: v.number(), body: v.string() }).index(
    'by_client_seq',
    ['client', 'seq'],
  ),
  items: defineTable({ rank: v.number(), label: v.string() }).index('by_rank', ['rank']),
  runs: defineTable({ tag: v.string(), event: v.string() }).index('by_tag', ['tag']),
});
