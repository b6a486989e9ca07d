import type { GenericId as OfficialGenericId, Infer as OfficialInfer } from 'convex/values';
import { v as officialV } from 'convex/values';
import { describe, expectTypeOf, test } from 'vitest';
import type { CommitTsPlaceholder } from '../value/commit-ts-placeholder.ts';
import type { GenericId } from '../value/value.ts';
import type { GenericValidator } from './generic-validator.ts';
import type { Infer, ObjectType } from './object-type.ts';
import { v } from './v.ts';
import type { VFloat64 } from './v-float64.ts';
import type { VString } from './v-string.ts';
import type { Validator, VOptional } from './validator.ts';

describe('Infer', () => {
  test('infers scalar types', () => {
    expectTypeOf<Infer<ReturnType<typeof v.string>>>().toEqualTypeOf<string>();
    expectTypeOf<Infer<ReturnType<typeof v.number>>>().toEqualTypeOf<number>();
    expectTypeOf<Infer<ReturnType<typeof v.int64>>>().toEqualTypeOf<bigint>();
    expectTypeOf<Infer<ReturnType<typeof v.boolean>>>().toEqualTypeOf<boolean>();
    expectTypeOf<Infer<ReturnType<typeof v.null>>>().toEqualTypeOf<null>();
    expectTypeOf<Infer<ReturnType<typeof v.bytes>>>().toEqualTypeOf<ArrayBuffer>();
    expectTypeOf<Infer<ReturnType<typeof v.commitTs>>>().toEqualTypeOf<
      bigint | CommitTsPlaceholder
    >();
    expectTypeOf<Infer<ReturnType<typeof v.any>>>().toBeAny();
  });

  test('infers ids, literals, arrays, unions and records', () => {
    const id = v.id('users');
    expectTypeOf<Infer<typeof id>>().toEqualTypeOf<GenericId<'users'>>();
    expectTypeOf<Infer<typeof id>>().toEqualTypeOf<OfficialGenericId<'users'>>();
    expectTypeOf(id.tableName).toEqualTypeOf<'users'>();
    const status = v.union(v.literal('draft'), v.literal('sent'), v.literal(3n));
    expectTypeOf<Infer<typeof status>>().toEqualTypeOf<'draft' | 'sent' | 3n>();
    expectTypeOf(status.members[0].value).toEqualTypeOf<'draft'>();
    const list = v.array(v.union(v.string(), v.null()));
    expectTypeOf<Infer<typeof list>>().toEqualTypeOf<(string | null)[]>();
    expectTypeOf(list.element.kind).toEqualTypeOf<'union'>();
    const scores = v.record(v.id('users'), v.number());
    expectTypeOf<Infer<typeof scores>>().toEqualTypeOf<Record<GenericId<'users'>, number>>();
    expectTypeOf(scores.key.tableName).toEqualTypeOf<'users'>();
    const nullable = v.nullable(v.string());
    expectTypeOf<Infer<typeof nullable>>().toEqualTypeOf<string | null>();
    expectTypeOf(nullable.type).toEqualTypeOf<string | null>();
  });

  test('infers objects with optional fields and ids', () => {
    const message = v.object({
      author: v.id('users'),
      body: v.string(),
      tags: v.optional(v.array(v.string())),
      meta: v.object({ edited: v.optional(v.boolean()), at: v.number() }),
    });
    expectTypeOf<Infer<typeof message>>().toEqualTypeOf<{
      author: GenericId<'users'>;
      body: string;
      tags?: string[];
      meta: { edited?: boolean; at: number };
    }>();
    expectTypeOf(message.fields.body).toEqualTypeOf<VString>();
    expectTypeOf(message.isOptional).toEqualTypeOf<'required'>();
    expectTypeOf(message.kind).toEqualTypeOf<'object'>();
  });

  test('infers the same types as convex/values', () => {
    const ours = v.object({
      a: v.optional(v.id('t')),
      b: v.union(v.int64(), v.literal(1)),
      c: v.record(v.string(), v.bytes()),
    });
    const theirs = officialV.object({
      a: officialV.optional(officialV.id('t')),
      b: officialV.union(officialV.int64(), officialV.literal(1)),
      c: officialV.record(officialV.string(), officialV.bytes()),
    });
    expectTypeOf<Infer<typeof ours>>().toEqualTypeOf<OfficialInfer<typeof theirs>>();
    expectTypeOf(ours.type).toEqualTypeOf(theirs.type);
  });
});

describe('validator types', () => {
  test('v.optional marks the field optional and adds undefined', () => {
    const optional = v.optional(v.number());
    expectTypeOf(optional).toEqualTypeOf<VOptional<VFloat64>>();
    expectTypeOf(optional).toEqualTypeOf<VFloat64<number | undefined, 'optional'>>();
    expectTypeOf(optional.isOptional).toEqualTypeOf<'optional'>();
  });

  test('object field paths include nested paths', () => {
    const doc = v.object({ a: v.string(), b: v.object({ c: v.number() }) });
    expectTypeOf(doc.fieldPaths).toEqualTypeOf<'a' | 'b' | 'b.c'>();
    expectTypeOf(v.any().fieldPaths).toEqualTypeOf<string>();
  });

  test('the object helpers keep precise types', () => {
    const doc = v.object({ a: v.string(), b: v.optional(v.number()), c: v.boolean() });
    expectTypeOf<Infer<ReturnType<typeof doc.omit<'a'>>>>().toEqualTypeOf<{
      b?: number;
      c: boolean;
    }>();
    const picked = doc.pick('a');
    expectTypeOf<Infer<typeof picked>>().toEqualTypeOf<{ a: string }>();
    expectTypeOf(picked.fields.a).toEqualTypeOf<VString>();
    const partial = doc.partial();
    expectTypeOf<Infer<typeof partial>>().toEqualTypeOf<{ a?: string; b?: number; c?: boolean }>();
    expectTypeOf(partial.fields.a.isOptional).toEqualTypeOf<'optional'>();
    const extended = doc.extend({ d: v.int64() });
    expectTypeOf<Infer<typeof extended>>().toEqualTypeOf<{
      a: string;
      b?: number;
      c: boolean;
      d: bigint;
    }>();
    expectTypeOf(extended.fields.d.kind).toEqualTypeOf<'int64'>();
  });

  test('every validator is a GenericValidator and a Validator of its type', () => {
    expectTypeOf(v.object({ a: v.string() })).toExtend<GenericValidator>();
    expectTypeOf(v.array(v.id('x'))).toExtend<Validator<GenericId<'x'>[]>>();
    expectTypeOf<ObjectType<{ a: VString }>>().toEqualTypeOf<{ a: string }>();
  });

  test('rejects optional validators where only required ones are allowed', () => {
    // @ts-expect-error v.array needs a required element validator
    v.array(v.optional(v.string()));
    // @ts-expect-error record keys must be string validators
    v.record(v.number(), v.string());
  });
});
