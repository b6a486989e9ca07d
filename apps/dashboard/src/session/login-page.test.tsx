import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { LoginPage } from './login-page.tsx';
import { readStoredSession, writeStoredSession } from './stored-session.ts';

const router = { replace: vi.fn(), push: vi.fn() };
vi.mock('next/navigation', () => ({ useRouter: () => router }));

const url = 'http://127.0.0.1:3210';
const okResponse = () =>
  Promise.resolve(
    new Response(JSON.stringify({ success: true, isReadOnly: false }), { status: 200 }),
  );

beforeEach(() => {
  window.localStorage.clear();
  window.history.replaceState(null, '', '/');
  router.replace.mockReset();
  router.push.mockReset();
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('LoginPage', () => {
  test('logs straight in with the key from pnpm dev', async () => {
    const fetch = vi.fn(okResponse);
    vi.stubGlobal('fetch', fetch);
    render(<LoginPage defaultDeploymentUrl={`${url}/`} defaultAdminKey="dev|01" autoLogin />);
    await vi.waitFor(() => expect(router.replace).toHaveBeenCalledWith('/health'));
    expect(fetch).toHaveBeenCalledWith(`${url}/api/check_admin_key`, expect.anything());
    expect(readStoredSession()).toEqual({ deploymentUrl: url, adminKey: 'dev|01' });
  });

  test('prefers the pnpm dev backend over a session for another one', async () => {
    writeStoredSession({ deploymentUrl: 'http://127.0.0.1:9999', adminKey: 'old|01' });
    vi.stubGlobal('fetch', vi.fn(okResponse));
    render(<LoginPage defaultDeploymentUrl={url} defaultAdminKey="dev|01" autoLogin />);
    await vi.waitFor(() => expect(router.replace).toHaveBeenCalledWith('/health'));
    expect(readStoredSession()).toEqual({ deploymentUrl: url, adminKey: 'dev|01' });
  });

  test('shows the form after logging out, without logging back in', async () => {
    window.history.replaceState(null, '', '/?reason=logged-out');
    const fetch = vi.fn(okResponse);
    vi.stubGlobal('fetch', fetch);
    render(<LoginPage defaultDeploymentUrl={url} defaultAdminKey="dev|01" autoLogin />);
    expect(await screen.findByRole('button', { name: 'Log in' })).toBeDefined();
    expect(fetch).not.toHaveBeenCalled();
    expect(router.replace).not.toHaveBeenCalled();
  });

  test('says why when the key from pnpm dev is refused', async () => {
    vi.stubGlobal('fetch', () =>
      Promise.resolve(
        new Response(JSON.stringify({ code: 'BadAdminKey', message: 'wrong instance' }), {
          status: 401,
        }),
      ),
    );
    render(<LoginPage defaultDeploymentUrl={url} defaultAdminKey="dev|01" autoLogin />);
    expect(
      (await screen.findByText(/Could not log in with the admin key from pnpm dev/)).textContent,
    ).toContain('refused the admin key');
    expect(router.replace).not.toHaveBeenCalled();
  });

  test('without pnpm dev, a stored session goes to the deployment and none shows the form', async () => {
    const fetch = vi.fn(okResponse);
    vi.stubGlobal('fetch', fetch);
    render(<LoginPage defaultDeploymentUrl={url} defaultAdminKey="" autoLogin={false} />);
    expect(await screen.findByRole('button', { name: 'Log in' })).toBeDefined();
    cleanup();
    writeStoredSession({ deploymentUrl: url, adminKey: 'saved|01' });
    render(<LoginPage defaultDeploymentUrl={url} defaultAdminKey="" autoLogin={false} />);
    await vi.waitFor(() => expect(router.replace).toHaveBeenCalledWith('/health'));
    expect(fetch).not.toHaveBeenCalled();
  });
});
