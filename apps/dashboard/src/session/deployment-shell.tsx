'use client';
import { ConvexProvider, type ConvexReactClient } from '@selfhost/client/react';
import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { AdminHttpError, checkAdminKey, type AdminCredentials } from '@selfhost/client/admin';
import { ConnectionBanner } from './connection-banner.tsx';
import { createDeploymentClient } from './create-client.ts';
import { DeploymentContext, type Deployment } from './deployment-context.ts';
import { navItems } from './nav-items.ts';
import { ShortcutHelp } from './shortcut-help.tsx';
import { clearStoredSession, readStoredSession } from './stored-session.ts';
import { useGoShortcuts } from './use-go-shortcuts.ts';

/**
 * The frame of every deployment page: sign-in check, the live client, sidebar, connection
 * banner and keyboard shortcuts. Without a stored session it sends the visitor to the login.
 */
export function DeploymentShell({ children }: { children: ReactNode }) {
  const router = useRouter();
  const [credentials, setCredentials] = useState<AdminCredentials | null>(null);
  useEffect(() => {
    const stored = readStoredSession();
    if (stored === null) router.replace('/');
    else setCredentials(stored);
  }, [router]);
  if (credentials === null) return <p className="loading">Loading…</p>;
  return <SignedIn credentials={credentials}>{children}</SignedIn>;
}

function SignedIn({ credentials, children }: { credentials: AdminCredentials; children: ReactNode }) {
  const router = useRouter();
  const pathname = usePathname();
  const [client, setClient] = useState<ConvexReactClient | null>(null);
  const [help, setHelp] = useState(false);
  useEffect(() => {
    const created = createDeploymentClient(credentials);
    setClient(created);
    return () => void created.close();
  }, [credentials]);
  useEffect(() => {
    // A key that stopped working (rotated instance secret) sends the user back to the login.
    checkAdminKey(credentials).catch((error: unknown) => {
      if (error instanceof AdminHttpError && error.kind === 'unauthorized') {
        clearStoredSession();
        router.replace('/?reason=refused');
      }
    });
  }, [credentials, router]);
  const logout = useCallback(() => {
    clearStoredSession();
    // The reason keeps `pnpm dev`'s automatic login from signing straight back in.
    router.replace('/?reason=logged-out');
  }, [router]);
  const go = useCallback((href: string) => router.push(href), [router]);
  const toggleHelp = useCallback(() => setHelp((shown) => !shown), []);
  useGoShortcuts(go, toggleHelp);
  const deployment = useMemo<Deployment | null>(() => (client === null ? null : { credentials, client, logout }), [client, credentials, logout]);
  if (deployment === null || client === null) return <p className="loading">Connecting…</p>;
  return (
    <ConvexProvider client={client}>
      <DeploymentContext.Provider value={deployment}>
        <div className="shell">
          <nav className="sidebar" aria-label="Pages">
            <div className="brand">selfhost</div>
            <div className="deployment-url" title={credentials.deploymentUrl}>
              {credentials.deploymentUrl.replace(/^https?:\/\//, '')}
            </div>
            {navItems.map((item) => (
              <Link key={item.href} href={item.href} className={pathname.startsWith(item.href) ? 'active' : undefined} title={`g ${item.key}`}>
                {item.label}
              </Link>
            ))}
            <div className="sidebar-foot">
              <button className="link" onClick={toggleHelp}>
                Shortcuts <kbd>?</kbd>
              </button>
              <button className="link" onClick={logout}>
                Log out
              </button>
            </div>
          </nav>
          <main className="content">
            <ConnectionBanner deploymentUrl={credentials.deploymentUrl} />
            {children}
          </main>
        </div>
        {help && <ShortcutHelp onClose={toggleHelp} />}
      </DeploymentContext.Provider>
    </ConvexProvider>
  );
}
