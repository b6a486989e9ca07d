'use client';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import type { Credentials } from '../lib/backend-http.ts';
import { LoginForm } from './login-form.tsx';
import { readStoredSession, writeStoredSession } from './stored-session.ts';

/** The login route: the form, prefilled from the environment or from the last session. */
export function LoginPage({ defaultDeploymentUrl, defaultAdminKey }: { defaultDeploymentUrl: string; defaultAdminKey: string }) {
  const router = useRouter();
  const [stored, setStored] = useState<Credentials | null | undefined>(undefined);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  useEffect(() => {
    const session = readStoredSession();
    const reason = new URLSearchParams(window.location.search).get('reason');
    if (reason === 'refused') setNotice('The backend refused the saved admin key. Log in again.');
    // Signed in already: straight to the deployment.
    if (session !== null && reason === null) router.replace('/health');
    else setStored(session);
  }, [router]);
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
