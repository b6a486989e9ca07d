import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { LoginForm } from './login-form.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function fill(url: string, key: string) {
  fireEvent.change(screen.getByLabelText('Deployment URL'), { target: { value: url } });
  fireEvent.change(screen.getByLabelText('Admin key'), { target: { value: key } });
  fireEvent.click(screen.getByRole('button', { name: 'Log in' }));
}

describe('LoginForm', () => {
  test('checks the key with the backend and hands on the credentials', async () => {
    const fetch = vi.fn(() => Promise.resolve(new Response(JSON.stringify({ success: true, isReadOnly: false }), { status: 200 })));
    vi.stubGlobal('fetch', fetch);
    const onLogin = vi.fn();
    render(<LoginForm defaultDeploymentUrl="http://127.0.0.1:3210/" defaultAdminKey="" onLogin={onLogin} />);
    fill('http://127.0.0.1:3210/', ' key|01 ');
    await vi.waitFor(() => expect(onLogin).toHaveBeenCalledWith({ deploymentUrl: 'http://127.0.0.1:3210', adminKey: 'key|01' }));
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('http://127.0.0.1:3210/api/check_admin_key');
    expect(new Headers(init.headers).get('Authorization')).toBe('Convex key|01');
  });

  test('a refused key and an unreachable backend get different messages', async () => {
    vi.stubGlobal('fetch', () => Promise.resolve(new Response(JSON.stringify({ code: 'BadAdminKey', message: 'wrong instance' }), { status: 401 })));
    render(<LoginForm defaultDeploymentUrl="http://127.0.0.1:3210" defaultAdminKey="" onLogin={() => {}} />);
    fill('http://127.0.0.1:3210', 'bad');
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', 'The backend refused the admin key (BadAdminKey: wrong instance).');

    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    fill('http://127.0.0.1:1', 'key');
    await vi.waitFor(() => expect(screen.getByRole('alert').textContent).toContain('Cannot reach the backend at http://127.0.0.1:1'));
  });

  test('says what is missing before asking the backend', () => {
    render(<LoginForm defaultDeploymentUrl="" defaultAdminKey="" onLogin={() => {}} />);
    fill('127.0.0.1:3210', 'key');
    expect(screen.getByRole('alert').textContent).toContain('starts with http://');
  });
});
