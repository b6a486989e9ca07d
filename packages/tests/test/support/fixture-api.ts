import { makeFunctionReference } from 'convex/server';

/** References to the fixture app's functions, for the official clients. */
export const fixtureApi = {
  ping: makeFunctionReference<'query', Record<string, never>, string>('messages:ping'),
  list: makeFunctionReference<'query', { author?: string }, { _id: string; author: string; body: string }[]>('messages:list'),
  send: makeFunctionReference<'mutation', { author: string; body: string }, string>('messages:send'),
  count: makeFunctionReference<'query', Record<string, never>, number>('messages:count'),
  slowRecord: makeFunctionReference<'mutation', { name: string; spin: number }, string>('messages:slowRecord'),
  recorded: makeFunctionReference<'query', { name: string }, number>('messages:recorded'),
  sendAndCount: makeFunctionReference<'action', { author: string; body: string }, number>('actions:sendAndCount'),
  extraHello: makeFunctionReference<'query', Record<string, never>, string>('extra:hello'),
};

/** A module the pushes under test add: a new public query. */
export const extraModule = `import { queryGeneric } from 'convex/server';
export const hello = queryGeneric({ args: {}, handler: () => Promise.resolve('extra') });
`;

/** A module that throws while it is imported. */
export const throwingModule = `import { queryGeneric } from 'convex/server';
throw new Error('boom at import');
export const never = queryGeneric({ args: {}, handler: () => Promise.resolve(1) });
`;

/** A module whose export looks like a function but is not a registered one. */
export const badExportModule = `export const weird = { isQuery: true, isRegistered: true };
`;

/** The fixture's schema with `likes` required, which the documents the tests insert break. */
export function strictSchema(schemaSource: string): string {
  const strict = schemaSource.replace('likes: v.optional(v.number())', 'likes: v.number()');
  if (strict === schemaSource) throw new Error('the fixture schema no longer has an optional `likes` field');
  return strict;
}
