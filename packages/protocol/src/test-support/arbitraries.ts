// fast-check arbitraries for valid protocol messages, for the round-trip property tests.
import fc from 'fast-check';
import type { JSONValue } from '@selfhost/values';
import { type JSONObject } from '../json-value.ts';
import { type ClientMessage } from '../sync/client-message.ts';
import { type ServerMessage } from '../sync/server-message.ts';
import { type StateModification } from '../sync/transition-message.ts';
import { type UserIdentityAttributes } from '../sync/user-identity-attributes.ts';
import { MAX_TIMESTAMP, makeTimestamp, type Timestamp } from '../timestamp.ts';

export const timestampArb: fc.Arbitrary<Timestamp> = fc
  .bigInt({ min: 0n, max: MAX_TIMESTAMP })
  .map(makeTimestamp);
export const u32Arb = fc.nat({ max: 0xffff_ffff });
// Through JSON once: fc.jsonValue may produce -0, which JSON writes as 0.
export const jsonValueArb: fc.Arbitrary<JSONValue> = fc
  .jsonValue({ maxDepth: 3 })
  .map((value) => JSON.parse(JSON.stringify(value)) as JSONValue);
export const jsonObjectArb: fc.Arbitrary<JSONObject> = fc.dictionary(fc.string(), jsonValueArb, {
  maxKeys: 4,
});
const logLinesArb = fc.array(
  fc.string().map((text) => `[LOG] ${text}`),
  { maxLength: 3 },
);
const journalArb = fc.option(fc.string(), { nil: null });

const identifierArb = fc.stringMatching(/^[a-z][a-zA-Z0-9_]{0,12}$/);
export const udfPathArb: fc.Arbitrary<string> = fc
  .tuple(fc.array(identifierArb, { minLength: 1, maxLength: 3 }), identifierArb)
  .map(([modules, fn]) => `${modules.join('/')}:${fn}`);

const identityArb: fc.Arbitrary<UserIdentityAttributes> = fc.oneof(
  fc.record(
    { tokenIdentifier: fc.string(), email: fc.string() },
    { requiredKeys: ['tokenIdentifier'] },
  ),
  fc.record(
    { issuer: fc.webUrl(), subject: fc.string(), emailVerified: fc.boolean() },
    { requiredKeys: ['issuer', 'subject'] },
  ),
);

export const clientMessageArb: fc.Arbitrary<ClientMessage> = fc.oneof(
  fc.record(
    {
      type: fc.constant('Connect' as const),
      sessionId: fc.uuid(),
      connectionCount: u32Arb,
      lastCloseReason: fc.option(fc.string(), { nil: null }),
      maxObservedTimestamp: timestampArb,
      clientTs: fc
        .double({ noNaN: true, noDefaultInfinity: true })
        .map((x) => (Object.is(x, -0) ? 0 : x)),
    },
    { requiredKeys: ['type', 'sessionId', 'connectionCount', 'lastCloseReason'] },
  ),
  fc.record({
    type: fc.constant('ModifyQuerySet' as const),
    baseVersion: u32Arb,
    newVersion: u32Arb,
    modifications: fc.array(
      fc.oneof(
        fc.record(
          {
            type: fc.constant('Add' as const),
            queryId: u32Arb,
            udfPath: udfPathArb,
            args: jsonObjectArb.map((args): [JSONObject] => [args]),
            journal: journalArb,
            componentPath: fc.string(),
          },
          { requiredKeys: ['type', 'queryId', 'udfPath', 'args'] },
        ),
        fc.record({ type: fc.constant('Remove' as const), queryId: u32Arb }),
      ),
      { maxLength: 3 },
    ),
  }),
  ...(['Mutation', 'Action'] as const).map((type) =>
    fc.record(
      {
        type: fc.constant(type),
        requestId: u32Arb,
        udfPath: udfPathArb,
        args: jsonObjectArb.map((args): [JSONObject] => [args]),
        componentPath: fc.string(),
      },
      { requiredKeys: ['type', 'requestId', 'udfPath', 'args'] },
    ),
  ),
  fc.record(
    {
      type: fc.constant('Authenticate' as const),
      tokenType: fc.constant('Admin' as const),
      value: fc.string(),
      baseVersion: u32Arb,
      impersonating: identityArb,
    },
    { requiredKeys: ['type', 'tokenType', 'value', 'baseVersion'] },
  ),
  fc.record({
    type: fc.constant('Authenticate' as const),
    tokenType: fc.constant('User' as const),
    value: fc.string(),
    baseVersion: u32Arb,
  }),
  fc.record({
    type: fc.constant('Authenticate' as const),
    tokenType: fc.constant('None' as const),
    baseVersion: u32Arb,
  }),
  fc.record({ type: fc.constant('Event' as const), eventType: fc.string(), event: jsonValueArb }),
);

const stateVersionArb = fc.record({ querySet: u32Arb, identity: u32Arb, ts: timestampArb });

const stateModificationArb: fc.Arbitrary<StateModification> = fc.oneof(
  fc.record({
    type: fc.constant('QueryUpdated' as const),
    queryId: u32Arb,
    value: jsonValueArb,
    logLines: logLinesArb,
    journal: journalArb,
  }),
  fc.record(
    {
      type: fc.constant('QueryFailed' as const),
      queryId: u32Arb,
      errorMessage: fc.string(),
      logLines: logLinesArb,
      journal: journalArb,
      errorData: jsonValueArb,
    },
    { requiredKeys: ['type', 'queryId', 'errorMessage', 'logLines', 'journal'] },
  ),
  fc.record({ type: fc.constant('QueryRemoved' as const), queryId: u32Arb }),
);

export const serverMessageArb: fc.Arbitrary<ServerMessage> = fc.oneof(
  fc.record(
    {
      type: fc.constant('Transition' as const),
      startVersion: stateVersionArb,
      endVersion: stateVersionArb,
      modifications: fc.array(stateModificationArb, { maxLength: 4 }),
      clientClockSkew: fc.integer(),
      serverTs: fc.nat(),
    },
    { requiredKeys: ['type', 'startVersion', 'endVersion', 'modifications'] },
  ),
  fc.record({
    type: fc.constant('TransitionChunk' as const),
    chunk: fc.string(),
    partNumber: u32Arb,
    totalParts: u32Arb,
    transitionId: fc.string(),
  }),
  fc.record({
    type: fc.constant('MutationResponse' as const),
    requestId: u32Arb,
    success: fc.constant(true as const),
    result: jsonValueArb,
    ts: timestampArb,
    logLines: logLinesArb,
  }),
  ...(['MutationResponse', 'ActionResponse'] as const).map((type) =>
    fc.record(
      {
        type: fc.constant(type),
        requestId: u32Arb,
        success: fc.constant(false as const),
        result: fc.string(),
        logLines: logLinesArb,
        errorData: jsonValueArb,
      },
      { requiredKeys: ['type', 'requestId', 'success', 'result', 'logLines'] },
    ),
  ),
  fc.record({
    type: fc.constant('ActionResponse' as const),
    requestId: u32Arb,
    success: fc.constant(true as const),
    result: jsonValueArb,
    logLines: logLinesArb,
  }),
  fc.record(
    {
      type: fc.constant('AuthError' as const),
      error: fc.string(),
      baseVersion: fc.option(u32Arb, { nil: null }),
      authUpdateAttempted: fc.boolean(),
    },
    { requiredKeys: ['type', 'error', 'baseVersion'] },
  ),
  fc.record({ type: fc.constant('FatalError' as const), error: fc.string() }),
  fc.constant({ type: 'Ping' as const }),
);
