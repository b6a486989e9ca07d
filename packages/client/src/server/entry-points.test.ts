// The entry points export the runtime names of the official package (apps switch by changing the
// import specifier). Type-only names are checked by the type tests and by `pnpm check-types`.
import * as officialServer from 'convex/server';
import * as officialValues from 'convex/values';
import { describe, expect, test } from 'vitest';
import * as ourServer from '@selfhost/client/server';
import * as ourValues from '@selfhost/client/values';

// The components API, which root apps do not use (see README).
const LEFT_OUT_OF_SERVER = [
  'componentsGeneric',
  'currentSystemUdfInComponent',
  'defineApp',
  'defineComponent',
];
// Builders under the names `_generated/server` gives them, and the values most apps import too.
const ADDED_TO_SERVER = [
  'ConvexError',
  'action',
  'httpAction',
  'internalAction',
  'internalMutation',
  'internalQuery',
  'mutation',
  'query',
  'v',
];

describe('entry points', () => {
  test('./values exports the runtime names of convex/values', () => {
    expect(Object.keys(ourValues).sort()).toEqual(Object.keys(officialValues).sort());
  });

  test('./server exports the runtime names of convex/server, minus components, plus the codegen names', () => {
    const expected = [
      ...Object.keys(officialServer).filter((name) => !LEFT_OUT_OF_SERVER.includes(name)),
      ...ADDED_TO_SERVER,
    ];
    expect(Object.keys(ourServer).sort()).toEqual(expected.sort());
  });

  test('the codegen names are the generic builders', () => {
    expect(ourServer.query).toBe(ourServer.queryGeneric);
    expect(ourServer.internalMutation).toBe(ourServer.internalMutationGeneric);
    expect(ourServer.httpAction).toBe(ourServer.httpActionGeneric);
    expect(ourServer.v).toBe(ourValues.v);
  });
});
