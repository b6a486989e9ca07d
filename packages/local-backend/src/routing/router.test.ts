import { describe, expect, test } from 'vitest';
import { textResponse } from '../http/server-response.ts';
import { Router } from './router.ts';

const ok = (name: string) => () => Promise.resolve(textResponse(200, name));

describe('Router', () => {
  const router = new Router()
    .add({ method: 'GET', pattern: '/version', access: 'public', handler: ok('version') })
    .add({ method: 'POST', pattern: '/api/query', access: 'public', handler: ok('query') })
    .add({ method: 'GET', pattern: '/api/query', access: 'public', handler: ok('query-get') })
    .add({ method: 'GET', pattern: '/api/export/zip/:ts', access: 'public', handler: ok('zip') })
    .add({ method: 'ANY', pattern: '/http/*', access: 'public', handler: ok('http') })
    .add({ method: 'POST', pattern: '/api/run/*', access: 'public', handler: ok('run') });

  test('matches exact routes by method', () => {
    const match = router.match('POST', '/api/query');
    expect(match.kind === 'found' && match.pattern).toBe('/api/query');
  });

  test('HEAD falls back to GET', () => {
    expect(router.match('HEAD', '/version').kind).toBe('found');
  });

  test('decodes named segments', () => {
    const match = router.match('GET', '/api/export/zip/12%2034');
    expect(match.kind === 'found' && match.params).toEqual({ ts: '12 34' });
  });

  test('prefix routes capture the rest, for any method', () => {
    const match = router.match('DELETE', '/http/a/b');
    expect(match.kind === 'found' && match.params).toEqual({ '*': 'a/b' });
    const bare = router.match('GET', '/http');
    expect(bare.kind === 'found' && bare.params).toEqual({ '*': '' });
  });

  test('reports the allowed methods of a known path', () => {
    expect(router.match('DELETE', '/api/query')).toEqual({ kind: 'method-not-allowed', allowed: ['POST', 'GET'] });
  });

  test('unknown and malformed paths are not found', () => {
    expect(router.match('GET', '/nope').kind).toBe('not-found');
    expect(router.match('GET', '/api/export/zip/%E0%A4%A').kind).toBe('not-found');
    expect(router.match('GET', '/api/export/zip/').kind).toBe('not-found');
  });

  test('lists its routes', () => {
    expect(router.routes()).toContainEqual({ method: 'ANY', pattern: '/http/*', access: 'public' });
  });
});
