// The one stand-in of the sync tests: a SyncHost whose functions are plain TypeScript over REAL
// @selfhost/database transactions (SQLite in memory), so read sets, commits and subscriptions
// are the real ones. local-backend later wires the real function runner in its place.
// Test-only: never import this from package code.
import {
  applySchema,
  openDatabase,
  openSqlitePersistence,
  type Database,
  type Transaction,
} from '@selfhost/database';
import { ProtocolError, type AuthenticateMessage, type JSONObject } from '@selfhost/protocol';
import { convexToJson, type Value } from '@selfhost/values';
import {
  type ActionOutcome,
  type ActionRequest,
  type AuthOutcome,
  type MutationOutcome,
  type MutationRequest,
  type QueryOutcome,
  type QueryRequest,
  type SyncHost,
  type SyncIdentity,
} from '../sync-host.ts';

/** The identity the test host hands out: `name` is what functions see. */
export interface TestIdentity extends SyncIdentity {
  readonly name: string | null;
  readonly admin: boolean;
}

/** What a test query sees. */
export interface TestQueryContext {
  readonly db: Transaction;
  readonly identity: TestIdentity;
  /** The journal passed back by the engine (pagination end cursor). */
  readonly journal: string | null;
  /** Sets the journal this execution produces. */
  readonly setJournal: (journal: string | null) => void;
  readonly log: (line: string) => void;
}

/** What a test mutation sees. */
export interface TestMutationContext {
  readonly db: Transaction;
  readonly identity: TestIdentity;
  readonly log: (line: string) => void;
}

/** What a test action sees. */
export interface TestActionContext {
  readonly identity: TestIdentity;
  readonly runMutation: (udfPath: string, args: JSONObject) => Promise<Value>;
}

/** The functions of a test deployment, by canonical udf path. */
export interface TestFunctions {
  readonly queries?: Record<string, (ctx: TestQueryContext, args: JSONObject) => Promise<Value>>;
  readonly mutations?: Record<
    string,
    (ctx: TestMutationContext, args: JSONObject) => Promise<Value>
  >;
  readonly actions?: Record<string, (ctx: TestActionContext, args: JSONObject) => Promise<Value>>;
}

const ANONYMOUS: TestIdentity = { cacheKey: 'none', name: null, admin: false };

/**
 * A SyncHost over a real database. Identities: `Authenticate{tokenType:"User"}` with
 * `"user:<name>"` or a JWT whose `sub` is the name (signatures unchecked; anything else is
 * refused), admin key `"admin-key"`, `None` → anonymous. Mutations are
 * idempotent by `(sessionId, requestId)` and retry OCC conflicts.
 */
export class TestHost implements SyncHost {
  readonly database: Database;
  readonly anonymousIdentity: SyncIdentity = ANONYMOUS;
  readonly functions: TestFunctions;
  /** Executions per udf path. */
  readonly queryRuns = new Map<string, number>();
  /** Executions per udf path and args (`messages:list{"channel":"a"}`). */
  readonly queryRunsByArgs = new Map<string, number>();
  readonly mutationRuns = new Map<string, number>();
  readonly errors: unknown[] = [];
  readonly #outcomes = new Map<string, MutationOutcome>();
  /** Set to make the next host calls wait (to interleave tests). */
  gate: Promise<void> | null = null;

  private constructor(database: Database, functions: TestFunctions) {
    this.database = database;
    this.functions = functions;
  }

  static async open(functions: TestFunctions): Promise<TestHost> {
    const persistence = await openSqlitePersistence({ path: ':memory:' });
    const database = await openDatabase({ persistence, cursorKey: 'sync tests cursor key!' });
    return new TestHost(database, functions);
  }

  /** Runs a mutation directly (as another process would), returning its commit ts. */
  async commit(body: (tx: Transaction) => Promise<unknown>): Promise<bigint> {
    const tx = this.database.begin();
    try {
      await body(tx);
      return (await tx.commit()).ts;
    } catch (error) {
      tx.abort();
      throw error;
    }
  }

  async runQuery(request: QueryRequest, ts: bigint): Promise<QueryOutcome> {
    await this.gate;
    this.queryRuns.set(request.udfPath, (this.queryRuns.get(request.udfPath) ?? 0) + 1);
    const byArgs = request.udfPath + JSON.stringify(request.args);
    this.queryRunsByArgs.set(byArgs, (this.queryRunsByArgs.get(byArgs) ?? 0) + 1);
    const fn = this.functions.queries?.[request.udfPath];
    const tx = this.database.begin({ readTs: ts, readOnly: true });
    const logLines: string[] = [];
    let journal: string | null = request.journal;
    try {
      if (fn === undefined)
        throw new Error(`Could not find public function for '${request.udfPath}'`);
      const value = await fn(
        {
          db: tx,
          identity: request.identity as TestIdentity,
          journal: request.journal,
          setJournal: (next) => {
            journal = next;
          },
          log: (line) => logLines.push(`[LOG] '${line}'`),
        },
        request.args,
      );
      tx.abort();
      return {
        ok: true,
        valueJson: JSON.stringify(convexToJson(value)),
        logLines,
        journal,
        readSet: tx.readSet,
      };
    } catch (error) {
      tx.abort();
      return {
        ok: false,
        errorMessage: userMessage(error),
        logLines,
        journal,
        readSet: tx.readSet,
      };
    }
  }

  async runMutation(request: MutationRequest): Promise<MutationOutcome> {
    await this.gate;
    const key = `${request.sessionId}:${request.requestId}`;
    const stored = this.#outcomes.get(key);
    if (stored !== undefined) return stored;
    const fn = this.functions.mutations?.[request.udfPath];
    this.mutationRuns.set(request.udfPath, (this.mutationRuns.get(request.udfPath) ?? 0) + 1);
    for (let attempt = 0; ; attempt++) {
      const tx = this.database.begin();
      const logLines: string[] = [];
      let value: Value;
      try {
        if (fn === undefined)
          throw new Error(`Could not find public function for '${request.udfPath}'`);
        value = await fn(
          {
            db: tx,
            identity: request.identity as TestIdentity,
            log: (line) => logLines.push(`[LOG] '${line}'`),
          },
          request.args,
        );
      } catch (error) {
        tx.abort();
        return { ok: false, errorMessage: userMessage(error), logLines };
      }
      try {
        const { ts } = await tx.commit();
        const outcome: MutationOutcome = {
          ok: true,
          resultJson: JSON.stringify(convexToJson(value)),
          ts,
          logLines,
        };
        this.#outcomes.set(key, outcome);
        return outcome;
      } catch (error) {
        const retryable = (error as { retryable?: boolean }).retryable === true;
        if (!retryable) throw error;
        if (attempt >= 4)
          throw new ProtocolError('OptimisticConcurrencyControlFailure', String(error), {
            cause: error,
          });
      }
    }
  }

  async runAction(request: ActionRequest): Promise<ActionOutcome> {
    await this.gate;
    const fn = this.functions.actions?.[request.udfPath];
    try {
      if (fn === undefined)
        throw new Error(`Could not find public function for '${request.udfPath}'`);
      let counter = 0;
      const value = await fn(
        {
          identity: request.identity as TestIdentity,
          runMutation: async (udfPath, args) => {
            const outcome = await this.runMutation({
              ...request,
              udfPath,
              args,
              sessionId: `action-${request.sessionId}-${request.requestId}`,
              requestId: counter++,
            });
            if (!outcome.ok) throw new Error(outcome.errorMessage);
            return JSON.parse(outcome.resultJson) as Value;
          },
        },
        request.args,
      );
      return { ok: true, resultJson: JSON.stringify(convexToJson(value)), logLines: [] };
    } catch (error) {
      return { ok: false, errorMessage: userMessage(error), logLines: [] };
    }
  }

  authenticate(message: AuthenticateMessage): Promise<AuthOutcome> {
    if (message.tokenType === 'None') return Promise.resolve({ ok: true, identity: ANONYMOUS });
    if (message.tokenType === 'Admin') {
      if (message.value !== 'admin-key')
        return Promise.resolve({ ok: false, errorMessage: 'Invalid admin key' });
      const identity: TestIdentity = { cacheKey: 'admin', name: 'admin', admin: true };
      return Promise.resolve({ ok: true, identity });
    }
    const name = userNameOf(message.value);
    if (name === null) {
      return Promise.resolve({
        ok: false,
        errorMessage: 'No auth provider found matching the given token',
      });
    }
    const identity: TestIdentity = { cacheKey: `user:${name}`, name, admin: false };
    return Promise.resolve({ ok: true, identity });
  }

  reportError(error: unknown): void {
    this.errors.push(error);
  }

  /** Total query executions. */
  get totalQueryRuns(): number {
    let total = 0;
    for (const n of this.queryRuns.values()) total += n;
    return total;
  }

  async close(): Promise<void> {
    await this.database.close();
  }
}

/** Creates `table` with an index `by_<field>` on one field (through a schema push). */
export async function createIndexedTable(
  host: TestHost,
  table: string,
  field: string,
): Promise<void> {
  await applySchema(host.database, {
    tables: [
      {
        tableName: table,
        indexes: [{ indexDescriptor: `by_${field}`, fields: [field] }],
        documentType: null,
      },
    ],
    schemaValidation: false,
  });
}

/** Documents of `where.table` whose `where.field` equals `where.value`, through the index `by_<field>`. */
export async function listWhere(
  tx: Transaction,
  where: { table: string; field: string; value: string },
): Promise<Value[]> {
  const { table, field, value } = where;
  const docs = await tx
    .query({
      source: {
        type: 'IndexRange',
        indexName: `${table}.by_${field}`,
        range: [{ type: 'Eq', fieldPath: field, value }],
        order: 'asc',
      },
      operators: [],
    })
    .collect();
  return docs.map((doc) => doc.value as Value);
}

/** All documents of `table` (a full table scan), as values. */
export async function listTable(
  tx: Transaction,
  table: string,
  order: 'asc' | 'desc' = 'asc',
): Promise<Value[]> {
  const docs = await tx
    .query({ source: { type: 'FullTableScan', tableName: table, order }, operators: [] })
    .collect();
  return docs.map((doc) => doc.value as Value);
}

/** `user:<name>`, or an (unsigned) JWT whose `sub` is the name; anything else is refused. */
function userNameOf(token: string): string | null {
  const plain = /^user:(.+)$/.exec(token);
  if (plain !== null) return plain[1]!;
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  try {
    const payload = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as {
      sub?: unknown;
    };
    return typeof payload.sub === 'string' ? payload.sub : null;
  } catch {
    return null;
  }
}

/** An unsigned JWT for `sub` (the test host does not check signatures). */
export function testJwt(sub: string): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  return `${encode({ alg: 'none', typ: 'JWT' })}.${encode({ sub, iss: 'https://test', iat: now, exp: now + 3600 })}.sig`;
}

function userMessage(error: unknown): string {
  return `Uncaught Error: ${error instanceof Error ? error.message : String(error)}`;
}
