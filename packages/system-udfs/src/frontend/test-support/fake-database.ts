// An in-memory stand-in for `ctx.db` in unit tests of the system functions: enough of the query
// builder (withIndex ranges, order, filter, paginate, count) over plain arrays. The real syscall
// path is covered by the backend's end-to-end tests.
import { compareValues, type Value } from '@selfhost/client/values';

type Document = Record<string, Value> & { _id: string; _creationTime: number };
type Expr = (document: Document) => Value | undefined;

const filterBuilder = {
  field: (path: string): Expr => (document) => path.split('.').reduce<Value | undefined>((value, key) => (value as Record<string, Value> | undefined)?.[key], document),
  eq: (a: unknown, b: unknown): Expr => (d) => compareValues(evaluate(a, d), evaluate(b, d)) === 0,
  neq: (a: unknown, b: unknown): Expr => (d) => compareValues(evaluate(a, d), evaluate(b, d)) !== 0,
  lt: (a: unknown, b: unknown): Expr => (d) => compareValues(evaluate(a, d), evaluate(b, d)) < 0,
  lte: (a: unknown, b: unknown): Expr => (d) => compareValues(evaluate(a, d), evaluate(b, d)) <= 0,
  gt: (a: unknown, b: unknown): Expr => (d) => compareValues(evaluate(a, d), evaluate(b, d)) > 0,
  gte: (a: unknown, b: unknown): Expr => (d) => compareValues(evaluate(a, d), evaluate(b, d)) >= 0,
  and: (...terms: unknown[]): Expr => (d) => terms.every((t) => evaluate(t, d) === true),
  or: (...terms: unknown[]): Expr => (d) => terms.some((t) => evaluate(t, d) === true),
  not: (term: unknown): Expr => (d) => evaluate(term, d) !== true,
};

function evaluate(term: unknown, document: Document): Value | undefined {
  return typeof term === 'function' ? (term as Expr)(document) : (term as Value | undefined);
}

class FakeQuery {
  readonly #rows: () => Document[];
  readonly #fields: string[];
  readonly #predicates: ((d: Document) => boolean)[] = [];
  #order: 'asc' | 'desc' = 'asc';

  constructor(rows: () => Document[], fields: string[]) {
    this.#rows = rows;
    this.#fields = fields;
  }

  withIndex(name: string, range?: (q: unknown) => unknown, fields?: string[]): FakeQuery {
    const query = new FakeQuery(this.#rows, fields ?? [name]);
    const bound = (field: string, test: (c: number) => boolean, value: Value | undefined) => {
      query.#predicates.push((d) => test(compareValues(filterBuilder.field(field)(d), value)));
      return builder;
    };
    const builder = {
      eq: (f: string, v: Value | undefined) => bound(f, (c) => c === 0, v),
      gt: (f: string, v: Value) => bound(f, (c) => c > 0, v),
      gte: (f: string, v: Value) => bound(f, (c) => c >= 0, v),
      lt: (f: string, v: Value) => bound(f, (c) => c < 0, v),
      lte: (f: string, v: Value) => bound(f, (c) => c <= 0, v),
    };
    range?.(builder);
    return query;
  }

  order(order: 'asc' | 'desc'): this {
    this.#order = order;
    return this;
  }

  filter(predicate: (q: typeof filterBuilder) => unknown): this {
    const expression = predicate(filterBuilder);
    this.#predicates.push((d) => evaluate(expression, d) === true);
    return this;
  }

  #results(): Document[] {
    const keys = [...this.#fields, '_creationTime', '_id'];
    const sorted = this.#rows()
      .filter((d) => this.#predicates.every((p) => p(d)))
      .sort((a, b) => {
        for (const key of keys) {
          const c = compareValues(filterBuilder.field(key)(a), filterBuilder.field(key)(b));
          if (c !== 0) return c;
        }
        return 0;
      });
    return this.#order === 'asc' ? sorted : sorted.reverse();
  }

  collect(): Promise<Document[]> {
    return Promise.resolve(this.#results());
  }

  first(): Promise<Document | null> {
    return Promise.resolve(this.#results()[0] ?? null);
  }

  count(): Promise<number> {
    return Promise.resolve(this.#results().length);
  }

  paginate(options: { numItems: number; cursor: string | null }) {
    const all = this.#results();
    const start = options.cursor === null ? 0 : Number(options.cursor);
    const page = all.slice(start, start + options.numItems);
    const end = start + page.length;
    return Promise.resolve({ page, isDone: end >= all.length, continueCursor: String(end) });
  }
}

/**
 * Tables of plain documents behind the `ctx.db` surface the system functions use. Indexes are
 * declared per table as `{ indexName: fields }`.
 *
 * @example
 * const db = new FakeDatabase({ messages: { by_author: ['author'] } });
 * await db.insert('messages', { author: 'ada' });
 */
export class FakeDatabase {
  readonly #tables = new Map<string, Document[]>();
  readonly #indexes: Record<string, Record<string, string[]>>;
  #clock = 1_700_000_000_000;
  #nextId = 1;

  constructor(indexes: Record<string, Record<string, string[]>> = {}) {
    this.#indexes = indexes;
  }

  readonly system = {
    query: (table: string) => this.query(table),
    get: (id: string) => this.get(id),
  };

  rows(table: string): Document[] {
    let rows = this.#tables.get(table);
    if (!rows) this.#tables.set(table, (rows = []));
    return rows;
  }

  query(table: string) {
    const indexes = this.#indexes[table] ?? {};
    const base = new FakeQuery(() => [...this.rows(table)], ['_creationTime']);
    return {
      withIndex: (name: string, range?: (q: unknown) => unknown) =>
        base.withIndex(name, range, name === 'by_creation_time' ? ['_creationTime'] : name === 'by_id' ? ['_id'] : (indexes[name] ?? [name.replace(/^by_/, '')])),
      order: (order: 'asc' | 'desc') => base.order(order),
      filter: (predicate: (q: typeof filterBuilder) => unknown) => base.filter(predicate),
      collect: () => base.collect(),
      first: () => base.first(),
      count: () => base.count(),
      paginate: (options: { numItems: number; cursor: string | null }) => base.paginate(options),
    };
  }

  insert(table: string, value: Record<string, Value>): Promise<string> {
    if (Object.keys(value).some((key) => key.startsWith('_'))) throw new Error('Field names may not start with "_".');
    const _id = `${table}|${this.#nextId++}`;
    this.rows(table).push({ ...value, _id, _creationTime: this.#clock++ });
    return Promise.resolve(_id);
  }

  normalizeId(table: string, id: string): string | null {
    return id.startsWith(`${table}|`) ? id : null;
  }

  get(id: string): Promise<Document | null> {
    return Promise.resolve(this.#find(id)?.document ?? null);
  }

  replace(id: string, value: Record<string, Value>): Promise<void> {
    const found = this.#require(id, 'Replace');
    found.rows[found.index] = { ...value, _id: found.document._id, _creationTime: found.document._creationTime };
    return Promise.resolve();
  }

  patch(id: string, value: Record<string, Value | undefined>): Promise<void> {
    const found = this.#require(id, 'Update');
    const next: Record<string, Value | undefined> = { ...found.document, ...value };
    for (const key of Object.keys(next)) if (next[key] === undefined) delete next[key];
    found.rows[found.index] = next as Document;
    return Promise.resolve();
  }

  delete(id: string): Promise<void> {
    const found = this.#require(id, 'Delete');
    found.rows.splice(found.index, 1);
    return Promise.resolve();
  }

  #find(id: string) {
    const rows = this.#tables.get(id.split('|')[0] ?? '');
    const index = rows?.findIndex((d) => d._id === id) ?? -1;
    return rows && index >= 0 ? { rows, index, document: rows[index] as Document } : undefined;
  }

  #require(id: string, verb: string) {
    const found = this.#find(id);
    if (!found) throw new Error(`${verb} on nonexistent document ID ${id}`);
    return found;
  }
}

/**
 * Calls a registered system function's handler with `db` as `ctx.db`.
 *
 * @example
 * await runHandler(tableSize, db, { tableName: 'messages' });
 */
export async function runHandler(fn: unknown, db: FakeDatabase, args: Record<string, unknown>): Promise<unknown> {
  const handler = (fn as { _handler: (ctx: unknown, args: unknown) => unknown })._handler;
  return await handler({ db }, args);
}

/**
 * The `filters` argument of `paginatedTableDocuments` for an expression.
 *
 * @example
 * encodeFilters({ clauses: [] });
 */
export function encodeFilters(expression: unknown): string {
  const bytes = new TextEncoder().encode(JSON.stringify(expression));
  return btoa(String.fromCharCode(...bytes));
}
