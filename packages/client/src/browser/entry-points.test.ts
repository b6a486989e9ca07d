// ./browser and ./react export the runtime names of convex/browser and convex/react, so apps switch
// by changing the import specifier. Type-only names are checked by the type tests.
import * as officialBrowser from 'convex/browser';
import * as officialReact from 'convex/react';
import { describe, expect, test } from 'vitest';
import * as ourBrowser from '@selfhost/client/browser';
import * as ourReact from '@selfhost/client/react';

// Not built yet (see README "Where it differs"): the experimental paginated client's hook and
// the internals of the official usePaginatedQuery.
const NOT_YET_IN_REACT = [
  'includePage',
  'page',
  'usePaginatedQueryInternal',
  'usePaginatedQuery_experimental',
];

describe('entry points', () => {
  test('./browser exports the runtime names of convex/browser', () => {
    expect(Object.keys(ourBrowser).sort()).toEqual(Object.keys(officialBrowser).sort());
  });

  test('./react exports the runtime names of convex/react, minus the ones not built yet', () => {
    const expected = Object.keys(officialReact).filter((name) => !NOT_YET_IN_REACT.includes(name));
    expect(Object.keys(ourReact).sort()).toEqual(expected.sort());
  });
});
