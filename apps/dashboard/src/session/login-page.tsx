'use client';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { checkAdminKey, type AdminCredentials } from '@selfhost/client/admin';
import { errorMessage } from '../lib/error-message.ts';
import { LoginForm } from './login-form.tsx';
import { readStoredSession, writeStoredSession } from './stored-session.ts';

type Props = {
  defaultDeploymentUrl: string;
  defaultAdminKey: string;
  /**
   * Log in with the defaults without asking (`pnpm dev` passes the backend's URL and admin key),
   * unless the user just logged out.
   */
  autoLogin: boolean;
};

/** `?reason=` of the login URL: why the user is here. */
const loggedOut = 'logged-out';
const refused = 'refused';

function sameCredentials(a: AdminCredentials, b: AdminCredentials): boolean {
  return a.deploymentUrl === b.deploymentUrl && a.adminKey === b.adminKey;
}

/**
 * The login route: the form, prefilled from the environment or from the last session. A stored
 * session goes straight to the deployment; so does `pnpm dev`'s, after checking its key.
 */
export function LoginPage({ defaultDeploymentUrl, defaultAdminKey, autoLogin }: Props) {
  const router = useRouter();
  const [stored, setStored] = useState<AdminCredentials | null | undefined>(undefined);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  useEffect(() => {
    const session = readStoredSession();
    const reason = new URLSearchParams(window.location.search).get('reason');
    if (reason === refused) setNotice('The backend refused the saved admin key. Log in again.');
    const dev = { deploymentUrl: defaultDeploymentUrl.replace(/\/+$/, ''), adminKey: defaultAdminKey };
    const useDev = autoLogin && reason !== loggedOut;
    // Signed in already (to the `pnpm dev` backend, when there is one): straight to the deployment.
    if (session !== null && reason === null && (!useDev || sameCredentials(session, dev))) {
      router.replace('/health');
      return;
    }
    if (!useDev) {
      setStored(session);
      return;
    }
    let cancelled = false;
    checkAdminKey(dev).then(
      () => {
        if (cancelled) return;
        writeStoredSession(dev);
        router.replace('/health');
      },
      (error: unknown) => {
        if (cancelled) return;
        setNotice(`Could not log in with the admin key from pnpm dev: ${errorMessage(error)}`);
        setStored(null);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [router, autoLogin, defaultDeploymentUrl, defaultAdminKey]);
  if (stored === undefined) return null;
  return (
    <div className="login-page">
      <LoginForm
        defaultDeploymentUrl={stored?.deploymentUrl ?? defaultDeploymentUrl}
        defaultAdminKey={stored?.adminKey ?? defaultAdminKey}
        notice={notice}
        onLogin={(credentials) => {
          writeStoredSession(credentials);
          router.push('/health');
        }}
      />
    </div>
  );
}
