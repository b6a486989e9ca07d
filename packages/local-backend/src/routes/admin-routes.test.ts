import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestBackend, type TestBackend } from '../test-support/start-test-backend.ts';

let ctx: TestBackend;
beforeAll(async () => {
  ctx = await startTestBackend();
});
afterAll(async () => ctx.stop());

describe('admin routes', () => {
  test('check_admin_key accepts this instance’s key', async () => {
    const response = await fetch(`${ctx.url}/api/check_admin_key`, { headers: { authorization: `Convex ${ctx.adminKey}` } });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ success: true, isReadOnly: false });
  });

  test('the prefix of the Authorization scheme is case-insensitive, and ?adminKey= works too', async () => {
    const lower = await fetch(`${ctx.url}/api/check_admin_key`, { headers: { authorization: `convex ${ctx.adminKey}` } });
    expect(lower.status).toBe(200);
    const query = await fetch(`${ctx.url}/api/check_admin_key?adminKey=${encodeURIComponent(ctx.adminKey)}`);
    expect(query.status).toBe(200);
  });

  test('a missing, malformed or foreign key is refused with a code', async () => {
    const missing = await fetch(`${ctx.url}/api/check_admin_key`);
    expect(missing.status).toBe(401);
    expect(await missing.json()).toMatchObject({ code: 'Unauthenticated' });
    const wrong = await fetch(`${ctx.url}/api/check_admin_key`, {
      headers: { authorization: 'Convex other-instance|0123456789abcdef' },
    });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ code: 'BadAdminKey' });
    const scheme = await fetch(`${ctx.url}/api/check_admin_key`, { headers: { authorization: 'Basic abc' } });
    expect(scheme.status).toBe(400);
    expect(await scheme.json()).toMatchObject({ code: 'InvalidAuthHeader' });
  });

  test('canonical URLs need the admin key', async () => {
    const response = await fetch(`${ctx.url}/api/v1/get_canonical_urls`, { headers: { authorization: `Convex ${ctx.adminKey}` } });
    expect(await response.json()).toEqual({ convexCloudUrl: ctx.url, convexSiteUrl: ctx.siteUrl });
  });

  test('functions see the deployment URLs in process.env', async () => {
    const response = await fetch(`${ctx.url}/api/query`, {
      method: 'POST',
      headers: { authorization: `Convex ${ctx.adminKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ path: '_system/cli/convexUrl:cloudUrl', args: {}, format: 'json' }),
    });
    expect(await response.json()).toEqual({ status: 'success', value: ctx.url });
  });

  test('CORS: preflight and responses mirror the origin on /api routes', async () => {
    const preflight = await fetch(`${ctx.url}/api/query`, {
      method: 'OPTIONS',
      headers: { origin: 'https://app.example.com', 'access-control-request-headers': 'content-type,convex-client' },
    });
    expect(preflight.status).toBe(200);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    expect(preflight.headers.get('access-control-allow-headers')).toBe('content-type,convex-client');
    expect(preflight.headers.get('access-control-allow-credentials')).toBe('true');
    const version = await fetch(`${ctx.url}/version`, { headers: { origin: 'https://x.test' } });
    expect(version.headers.get('access-control-allow-origin')).toBe('https://x.test');
  });

  test('health routes answer without a key', async () => {
    expect(await (await fetch(`${ctx.url}/`)).text()).toContain('deployment is running');
    expect(await (await fetch(`${ctx.url}/instance_name`)).text()).toBe('convex-self-hosted');
    const echo = await fetch(`${ctx.url}/echo`, { method: 'POST', body: 'ping' });
    expect(await echo.text()).toBe('ping');
    const metrics = await (await fetch(`${ctx.url}/metrics`)).text();
    expect(metrics).toContain('selfhost_http_requests_total');
  });

  test('every non-public route refuses a missing or wrong admin key', async () => {
    const routes = ctx.backend.routes().filter((route) => route.access === 'admin');
    expect(routes.length).toBeGreaterThan(0);
    for (const route of routes) {
      const method = route.method === 'ANY' ? 'POST' : route.method;
      const path = route.pattern.replace(/:\w+/g, 'x').replace(/\*$/, 'x');
      for (const headers of [{}, { authorization: 'Convex convex-self-hosted|00' }]) {
        const response = await fetch(`${ctx.url}${path}`, { method, headers, ...(method === 'GET' ? {} : { body: '{}' }) });
        expect([400, 401, 403], `${method} ${route.pattern}`).toContain(response.status);
      }
    }
    expect((await fetch(`${ctx.url}/version`)).status).toBe(200);
  });

  test('every non-public route lets a valid admin key through (so the walk above means something)', async () => {
    // One log entry, so that the log stream answers at once instead of long-polling.
    await fetch(`${ctx.url}/api/query`, { method: 'POST', body: JSON.stringify({ path: 'nothing:here', args: {} }) });
    const routes = ctx.backend.routes().filter((route) => route.access === 'admin');
    const statuses: string[] = [];
    for (const route of routes) {
      const method = route.method === 'ANY' ? 'POST' : route.method;
      const path = route.pattern.replace(/:\w+/g, 'x').replace(/\*$/, 'x');
      const query = path === '/api/stream_function_logs' ? '?cursor=0' : '';
      const response = await fetch(`${ctx.url}${path}${query}`, {
        method,
        headers: { authorization: `Convex ${ctx.adminKey}` },
        ...(method === 'GET' ? {} : { body: '{}' }),
      });
      statuses.push(`${method} ${route.pattern} ${response.status}`);
      expect([401, 403], `${method} ${route.pattern}: ${await response.text()}`).not.toContain(response.status);
    }
    expect(statuses.length).toBe(routes.length);
  });
});
