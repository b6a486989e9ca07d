import { afterEach, describe, expect, test, vi } from 'vitest';
import { checkAdminKey, fetchMetrics, updateEnvironmentVariables } from './admin-http-client.ts';
import { AdminHttpError } from './admin-http-error.ts';

const credentials = { deploymentUrl: 'http://127.0.0.1:3210/', adminKey: 'instance|01' };

afterEach(() => vi.unstubAllGlobals());

describe('admin HTTP client', () => {
  test('sends the admin key and the dashboard client header on /api routes', async () => {
    const fetch = vi.fn((_url: string, _init: RequestInit) => Promise.resolve(Response.json({ success: true, isReadOnly: false })));
    vi.stubGlobal('fetch', fetch);
    expect(await checkAdminKey(credentials)).toMatchObject({ isReadOnly: false });
    const [url, init] = fetch.mock.calls[0] ?? [];
    expect(url).toBe('http://127.0.0.1:3210/api/check_admin_key');
    const headers = new Headers(init?.headers);
    expect(headers.get('Authorization')).toBe('Convex instance|01');
    expect(headers.get('Convex-Client')).toBe('dashboard-0.1.0');
  });

  test('sorts failures into unauthorized, unreachable and failed', async () => {
    vi.stubGlobal('fetch', () => Promise.resolve(Response.json({ code: 'BadAdminKey', message: 'wrong' }, { status: 401 })));
    await expect(checkAdminKey(credentials)).rejects.toMatchObject({ kind: 'unauthorized', message: 'The backend refused the admin key (BadAdminKey: wrong).' });
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('fetch failed')));
    await expect(updateEnvironmentVariables(credentials, [{ name: 'A', value: null }])).rejects.toBeInstanceOf(AdminHttpError);
    vi.stubGlobal('fetch', () => Promise.resolve(new Response('off', { status: 404 })));
    expect(await fetchMetrics(credentials.deploymentUrl)).toBe('');
  });
});
