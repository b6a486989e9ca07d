'use client';
import { useState, type FormEvent } from 'react';
import { AdminHttpError, checkAdminKey, type AdminCredentials } from '@selfhost/client/admin';
import { dockerCommand, pnpmCommand } from '../lib/admin-key-commands.ts';

/** What the login form starts with (from the environment) and what it does on success. */
export type LoginFormProps = {
  defaultDeploymentUrl: string;
  defaultAdminKey: string;
  notice?: string | undefined;
  onLogin: (credentials: AdminCredentials) => void;
};

/**
 * Deployment URL + admin key, checked against `/api/check_admin_key` before going on; an
 * unreachable backend and a refused key get different messages.
 */
export function LoginForm({ defaultDeploymentUrl, defaultAdminKey, notice, onLogin }: LoginFormProps) {
  const [deploymentUrl, setDeploymentUrl] = useState(defaultDeploymentUrl);
  const [adminKey, setAdminKey] = useState(defaultAdminKey);
  const [error, setError] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const credentials = { deploymentUrl: deploymentUrl.trim().replace(/\/+$/, ''), adminKey: adminKey.trim() };
    if (!/^https?:\/\//.test(credentials.deploymentUrl)) {
      setError('The deployment URL starts with http:// or https://, e.g. http://127.0.0.1:3210.');
      return;
    }
    if (credentials.adminKey === '') {
      setError('Enter an admin key (see "Where do I get an admin key?" below).');
      return;
    }
    setChecking(true);
    setError(null);
    try {
      await checkAdminKey(credentials);
      onLogin(credentials);
    } catch (caught) {
      setError(caught instanceof AdminHttpError ? caught.message : String(caught));
    } finally {
      setChecking(false);
    }
  };

  return (
    <form className="login" onSubmit={(event) => void submit(event)} aria-label="Log in">
      <h1>selfhost dashboard</h1>
      {notice !== undefined && <p className="notice">{notice}</p>}
      <label>
        Deployment URL
        <input name="deploymentUrl" value={deploymentUrl} onChange={(e) => setDeploymentUrl(e.target.value)} autoComplete="url" />
      </label>
      <label>
        Admin key
        <input
          name="adminKey"
          type="password"
          value={adminKey}
          onChange={(e) => setAdminKey(e.target.value)}
          autoComplete="current-password"
          autoFocus={defaultAdminKey === ''}
        />
      </label>
      {error !== null && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <button type="submit" className="primary" disabled={checking}>
        {checking ? 'Checking…' : 'Log in'}
      </button>
      <details>
        <summary>Where do I get an admin key?</summary>
        <p>The backend prints one when it starts. Make another with</p>
        <pre>{pnpmCommand}</pre>
        <p>or, with Docker,</p>
        <pre>{dockerCommand}</pre>
      </details>
    </form>
  );
}
