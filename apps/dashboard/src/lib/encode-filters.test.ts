import { describe, expect, test } from 'vitest';
import { encodeFilters } from './encode-filters.ts';

const decode = (encoded: string | null) => (encoded === null ? null : JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(encoded), (c) => c.charCodeAt(0)))));

describe('encodeFilters', () => {
  test('the default view sends no filters, so it shares one subscription', () => {
    expect(encodeFilters({ clauses: [{ id: 'a', field: 'x', op: 'eq', value: 1, enabled: false }], order: 'desc' })).toBeNull();
  });

  test('sends enabled clauses, the order and the index as base64 of UTF-8 JSON', () => {
    const encoded = encodeFilters({
      clauses: [
        { id: 'a', field: 'name', op: 'eq', value: 'zoë', enabled: true },
        { id: 'b', field: '', op: 'eq', enabled: true },
      ],
      order: 'asc',
      index: { name: 'by_name', clauses: [] },
    });
    expect(decode(encoded)).toEqual({
      clauses: [{ id: 'a', field: 'name', op: 'eq', value: 'zoë', enabled: true }],
      order: 'asc',
      index: { name: 'by_name', clauses: [] },
    });
  });
});
