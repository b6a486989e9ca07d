// Property test (STYLE.md habit 30): for random filter expressions, index ranges and search
// filters over random Convex values, our query builder sends byte-identical `1.0/queryStream`
// arguments to the official convex/server's.
import fc from 'fast-check';
import * as officialServer from 'convex/server';
import { describe, expect, test } from 'vitest';
import * as ourServer from '@selfhost/client/server';
import { FakeConvexHost } from '../test-support/fake-convex-host.ts';

type Library = Pick<typeof ourServer, 'queryGeneric'>;
const libraries: Record<'official' | 'ours', Library> = {
  official: officialServer as unknown as Library,
  ours: ourServer,
};

const fieldName = fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9_]{0,6}$/);
const fieldPath = fc
  .array(fieldName, { minLength: 1, maxLength: 3 })
  .map((parts) => parts.join('.'));

const convexValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
    fc.double(),
    fc.boolean(),
    fc.string(),
    fc.uint8Array({ maxLength: 8 }).map((bytes) => bytes.slice().buffer),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fieldName, tie('value'), { maxKeys: 3 }),
  ),
})).value;

const operand = fc.oneof(convexValue, fc.constant(undefined));

type Tree =
  | { kind: 'field'; path: string }
  | { kind: 'literal'; value: unknown }
  | { kind: 'binary'; op: string; l: Tree; r: Tree }
  | { kind: 'unary'; op: string; x: Tree }
  | { kind: 'variadic'; op: string; xs: Tree[] };

const tree: fc.Arbitrary<Tree> = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fieldPath.map((path): Tree => ({ kind: 'field', path })),
    operand.map((value): Tree => ({ kind: 'literal', value })),
    fc
      .record({
        op: fc.constantFrom(
          'eq',
          'neq',
          'lt',
          'lte',
          'gt',
          'gte',
          'add',
          'sub',
          'mul',
          'div',
          'mod',
        ),
        l: tie('tree'),
        r: tie('tree'),
      })
      .map((node): Tree => ({ kind: 'binary', ...node })),
    fc
      .record({ op: fc.constantFrom('neg', 'not'), x: tie('tree') })
      .map((node): Tree => ({ kind: 'unary', ...node })),
    fc
      .record({ op: fc.constantFrom('and', 'or'), xs: fc.array(tie('tree'), { maxLength: 3 }) })
      .map((node): Tree => ({ kind: 'variadic', ...node })),
  ),
})).tree;

type Builder = Record<string, (...args: unknown[]) => unknown>;

function build(q: Builder, node: Tree): unknown {
  switch (node.kind) {
    case 'field':
      return q['field']?.(node.path);
    case 'literal':
      return node.value;
    case 'binary':
      return q[node.op]?.(build(q, node.l), build(q, node.r));
    case 'unary':
      return q[node.op]?.(build(q, node.x));
    case 'variadic':
      return q[node.op]?.(...node.xs.map((x) => build(q, x)));
  }
}

const rangeStep = fc.record({
  op: fc.constantFrom('eq', 'gt', 'gte', 'lt', 'lte'),
  field: fieldPath,
  value: operand,
});
const searchFilters = fc.record({
  text: fc.string(),
  eqs: fc.array(fc.tuple(fieldPath, operand), { maxLength: 3 }),
});

/** Runs `handler` as a query under a fresh fake host and returns what was sent, or the error kind. */
async function sent(
  library: Library,
  handler: (ctx: { db: { query(table: string): unknown } }) => Promise<unknown>,
) {
  const host = new FakeConvexHost();
  const uninstall = host.install();
  try {
    await library.queryGeneric(handler as never).invokeQuery('[{}]');
    return host.calls.filter((call) => call.op === '1.0/queryStream').map((call) => call.args);
  } catch (error) {
    return {
      threw:
        (error as Error).constructor.name === 'ValuesError'
          ? 'Error'
          : (error as Error).constructor.name,
    };
  } finally {
    uninstall();
  }
}

async function sameWire(
  handler: (ctx: { db: { query(table: string): unknown } }) => Promise<unknown>,
): Promise<void> {
  const [theirs, ours] = [
    await sent(libraries.official, handler),
    await sent(libraries.ours, handler),
  ];
  expect(ours).toEqual(theirs);
}

type LooseQuery = {
  filter(f: (q: Builder) => unknown): LooseQuery;
  withIndex(name: string, range: (q: Builder) => unknown): LooseQuery;
  withSearchIndex(name: string, filter: (q: Builder) => unknown): LooseQuery;
  order(o: string): LooseQuery;
  take(n: number): Promise<unknown>;
};

describe('query serialization matches convex/server', () => {
  test('filter expressions', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(tree, { minLength: 1, maxLength: 3 }),
        fc.constantFrom('asc', 'desc'),
        async (filters, order) => {
          await sameWire(async (ctx) => {
            let query = (ctx.db.query('messages') as LooseQuery).order(order);
            for (const filter of filters) query = query.filter((q) => build(q, filter));
            return await query.take(1);
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  test('index ranges', async () => {
    await fc.assert(
      fc.asyncProperty(fieldName, fc.array(rangeStep, { maxLength: 5 }), async (index, steps) => {
        await sameWire(async (ctx) =>
          (ctx.db.query('messages') as LooseQuery)
            .withIndex(index, (q) =>
              steps.reduce<Builder>(
                (builder, step) => builder[step.op]?.(step.field, step.value) as Builder,
                q,
              ),
            )
            .take(3),
        );
      }),
      { numRuns: 300 },
    );
  });

  test('search filters', async () => {
    await fc.assert(
      fc.asyncProperty(fieldName, searchFilters, async (index, { text, eqs }) => {
        await sameWire(async (ctx) =>
          (ctx.db.query('messages') as LooseQuery)
            .withSearchIndex(index, (q) =>
              eqs.reduce<Builder>(
                (builder, [field, value]) => builder['eq']?.(field, value) as Builder,
                q['search']?.('body', text) as Builder,
              ),
            )
            .take(10),
        );
      }),
      { numRuns: 200 },
    );
  });
});
