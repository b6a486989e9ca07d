// A recording fake of the `Convex` global for tests: a small in-memory host that answers every
// syscall of compat spec §4.8/§4.9 plausibly and deterministically, and records each call exactly
// as it was made (op + JSON text). It is a test double of the *host*, which this package does not
// own; the real host lives in packages/function-runner + packages/udf-runtime.
import type { ConvexGlobal } from '../syscall/convex-global.ts';

/** One recorded syscall: the op and the exact argument text (JS syscalls: a JSON summary). */
export interface RecordedCall {
  readonly kind: 'sync' | 'async' | 'js';
  readonly op: string;
  readonly args: string;
}

type Doc = Record<string, unknown> & { _id: string; _creationTime: number };
type Query = {
  source: { type: string; tableName?: string; indexName?: string; order?: string | null };
  operators: Array<{ filter?: unknown; limit?: number }>;
};

/** A deterministic starting data set: a few messages and one stored file. */
export function seedTables(): Record<string, Doc[]> {
  return {
    messages: [
      { _id: 'messages|1', _creationTime: 1000.5, channel: 'general', body: 'hello', likes: 3 },
      { _id: 'messages|2', _creationTime: 2000.5, channel: 'general', body: 'world', likes: 5 },
      { _id: 'messages|3', _creationTime: 3000.5, channel: 'random', body: 'hi', likes: 0 },
    ],
    users: [{ _id: 'users|1', _creationTime: 500, name: 'Ada', email: 'ada@example.com' }],
    empty: [],
    _storage: [
      { _id: '_storage|1', _creationTime: 10, sha256: 'abc=', size: 3, contentType: 'text/plain' },
    ],
    _scheduled_functions: [],
  };
}

/** Errors the fake host rejects with: a `ConvexError` from a nested call carries `data`. */
function hostError(message: string, data?: unknown): Error {
  const error = new Error(message);
  if (data !== undefined) Object.assign(error, { data });
  return error;
}

/**
 * The fake host. Install it with `install()`; read `calls` afterwards. Nested calls
 * (`runUdf`, `actions/*`) whose function name contains `fails` reject with ConvexError data;
 * otherwise they answer `{ echo: <args> }`.
 */
export class FakeConvexHost {
  readonly calls: RecordedCall[] = [];
  readonly #tables: Record<string, Doc[]>;
  readonly #streams = new Map<number, Doc[]>();
  #nextQueryId = 1;
  #nextDocumentNumber = 100;

  constructor(tables: Record<string, Doc[]> = seedTables()) {
    this.#tables = structuredClone(tables);
  }

  /** The `Convex` global backed by this host. */
  global(): ConvexGlobal {
    return {
      syscall: (op, json) => {
        this.calls.push({ kind: 'sync', op, args: json });
        return JSON.stringify(this.#sync(op, JSON.parse(json) as Record<string, unknown>));
      },
      asyncSyscall: async (op, json) => {
        this.calls.push({ kind: 'async', op, args: json });
        await Promise.resolve();
        return JSON.stringify(this.#async(op, JSON.parse(json) as Record<string, unknown>));
      },
      jsSyscall: (op, args) => {
        this.calls.push({ kind: 'js', op, args: describeJsArgs(args) });
        return this.#js(op, args);
      },
    };
  }

  /** Installs this host as `globalThis.Convex`; returns a function that removes it. */
  install(): () => void {
    const target = globalThis as { Convex?: ConvexGlobal };
    const previous = target.Convex;
    target.Convex = this.global();
    return () => {
      if (previous === undefined) delete target.Convex;
      else target.Convex = previous;
    };
  }

  #table(name: string): Doc[] {
    return (this.#tables[name] ??= []);
  }

  #find(id: unknown): { table: Doc[]; index: number } | null {
    if (typeof id !== 'string')
      throw hostError(`Invalid argument: ${JSON.stringify(id)} is not an ID`);
    const table = this.#table(id.split('|')[0] ?? '');
    const index = table.findIndex((doc) => doc._id === id);
    return index === -1 ? null : { table, index };
  }

  #run(query: Query): Doc[] {
    const source = query.source;
    const tableName = source.tableName ?? (source.indexName ?? '').split('.')[0] ?? '';
    let docs = [...this.#table(tableName)];
    if (source.order === 'desc') docs.reverse();
    for (const operator of query.operators) {
      if (operator.limit !== undefined) docs = docs.slice(0, operator.limit);
    }
    return docs;
  }

  #sync(op: string, args: Record<string, unknown>): unknown {
    switch (op) {
      case '1.0/queryStream': {
        const queryId = this.#nextQueryId++;
        this.#streams.set(queryId, this.#run(args['query'] as Query));
        return { queryId };
      }
      case '1.0/queryCleanup':
        return this.#streams.delete(args['queryId'] as number);
      case '1.0/db/normalizeId': {
        const idString = args['idString'] as string;
        return { id: idString.startsWith(`${String(args['table'])}|`) ? idString : null };
      }
      case '1.0/getSnapshotTs':
        return { $integer: 'AQAAAAAAAAA=' };
      default:
        throw hostError(`Unknown operation ${op}`);
    }
  }

  #async(op: string, args: Record<string, unknown>): unknown {
    switch (op) {
      case '1.0/get': {
        const found = this.#find(args['id']);
        return found ? found.table[found.index] : null;
      }
      case '1.0/queryStreamNext': {
        const stream = this.#streams.get(args['queryId'] as number) ?? [];
        const value = stream.shift();
        return value === undefined ? { value: null, done: true } : { value, done: false };
      }
      case '1.0/queryPage': {
        const all = this.#run(args['query'] as Query);
        const start =
          args['cursor'] === null || args['cursor'] === undefined ? 0 : Number(args['cursor']);
        const end = Math.min(all.length, start + (args['pageSize'] as number));
        return {
          page: all.slice(start, end),
          isDone: end >= all.length,
          continueCursor: String(end),
          splitCursor: null,
          pageStatus: null,
        };
      }
      case '1.0/count':
        return this.#table(args['table'] as string).length;
      case '1.0/insert': {
        const table = args['table'] as string;
        const _id = `${table}|${this.#nextDocumentNumber++}`;
        this.#table(table).push({
          ...(args['value'] as object),
          _id,
          _creationTime: 9000 + this.#nextDocumentNumber,
        });
        return { _id };
      }
      case '1.0/shallowMerge':
      case '1.0/replace':
      case '1.0/remove':
        return this.#write(op, args);
      case '1.0/getUserIdentity':
        return {
          tokenIdentifier: 'https://issuer|user1',
          subject: 'user1',
          issuer: 'https://issuer',
        };
      case '1.0/storageGetUrl':
        return `https://files.example/${String(args['storageId'])}`;
      case '1.0/storageGetMetadata':
        return { storageId: args['storageId'], sha256: 'ab', size: 3, contentType: null };
      case '1.0/storageGenerateUploadUrl':
        return 'https://upload.example/token';
      case '1.0/storageDelete':
      case '1.0/cancel_job':
      case '1.0/actions/cancel_job':
      case '1.0/auditLog':
        return null;
      case '1.0/storageStore':
        return '_storage|2';
      case '1.0/storageGet':
        return { blob: 'aGk=', contentType: 'text/plain' };
      case '1.0/schedule':
      case '1.0/actions/schedule':
        return '_scheduled_functions|1';
      case '1.0/runUdf':
      case '1.0/actions/query':
      case '1.0/actions/mutation':
      case '1.0/actions/action':
        return this.#nested(args);
      case '1.0/createFunctionHandle':
        return `function://handle-for-${String(args['name'])}`;
      case '1.0/getFunctionMetadata':
        return { name: 'module:fn', componentPath: '' };
      case '1.0/getDeploymentMetadata':
        return { name: 'local-test', class: 's16' };
      case '1.0/getRequestMetadata':
        return {
          ip: '127.0.0.1',
          userAgent: 'test',
          requestId: 'r1',
          scheduledFunctionId: null,
          authToken: null,
        };
      case '1.0/getTransactionMetrics':
        return { documentsRead: { used: 1, remaining: 31999 } };
      case '1.0/signJwt':
        return 'signed.jwt.token';
      case '1.0/actions/vectorSearch':
        return { results: [{ _id: 'messages|1', _score: 0.75 }] };
      case '1.0/createServiceToken':
        return 'service-token';
      default:
        throw hostError(`Unknown async operation ${op}`);
    }
  }

  #write(op: string, args: Record<string, unknown>): unknown {
    const found = this.#find(args['id']);
    if (found === null) {
      const verb =
        op === '1.0/shallowMerge' ? 'Update' : op === '1.0/replace' ? 'Replace' : 'Delete';
      throw hostError(`${verb} on nonexistent document ID ${String(args['id'])}`);
    }
    const current = found.table[found.index] as Doc;
    if (op === '1.0/remove') {
      found.table.splice(found.index, 1);
      return current;
    }
    const value = args['value'] as Record<string, unknown>;
    const next =
      op === '1.0/replace'
        ? { ...value, _id: current._id, _creationTime: current._creationTime }
        : { ...current, ...value };
    found.table[found.index] = next;
    return next;
  }

  #nested(args: Record<string, unknown>): unknown {
    const target = String(args['name'] ?? args['reference'] ?? args['functionHandle']);
    if (target.includes('fails'))
      throw hostError(`Uncaught ConvexError: nested ${target} failed`, { code: 42, where: target });
    if (target.includes('crashes')) throw hostError(`Uncaught Error: nested ${target} crashed`);
    return { echo: args['args'] ?? null, n: { $integer: 'BwAAAAAAAAA=' } };
  }

  #js(op: string, args: Record<string, unknown>): unknown {
    switch (op) {
      case 'requestFromConvexJson': {
        const json = args['convexJson'] as { url: string; method: string; body?: string };
        return new Request(json.url, {
          method: json.method,
          ...(json.body === undefined ? {} : { body: json.body }),
        });
      }
      case 'convexJsonFromResponse': {
        const response = args['response'] as Response;
        return { status: response.status, headerPairs: [...response.headers.entries()] };
      }
      case 'storage/storeBlob':
        return Promise.resolve('_storage|3');
      case 'storage/getBlob':
        return Promise.resolve(new Blob(['blob-bytes'], { type: 'text/plain' }));
      default:
        throw hostError(`Unknown JS syscall ${op}`);
    }
  }
}

function describeJsArgs(args: Record<string, unknown>): string {
  return JSON.stringify(args, (_key, value: unknown) => {
    if (value instanceof Blob) return { blob: { size: value.size, type: value.type } };
    if (value instanceof Response) return { response: value.status };
    return value;
  });
}
