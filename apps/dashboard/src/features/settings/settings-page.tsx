'use client';
import { useEffect, useState } from 'react';
import { useLiveQuery } from '../../components/use-live-query.ts';
import { dockerCommand, pnpmCommand } from '../../lib/admin-key-commands.ts';
import { fetchCanonicalUrls } from '@selfhost/client/admin';
import { formatValue } from '../../lib/format-value.ts';
import { system } from '../../lib/system-functions.ts';
import { useDeployment } from '../../session/deployment-context.ts';
import { EnvironmentVariables } from './environment-variables.tsx';

/** Settings: environment variables, URLs, auth providers (read-only) and admin keys. */
export function SettingsPage() {
  const { credentials } = useDeployment();
  const providers = useLiveQuery(system.listAuthProviders, {});
  const [urls, setUrls] = useState<{ convexCloudUrl: string; convexSiteUrl: string } | null>(null);
  useEffect(() => {
    fetchCanonicalUrls(credentials).then(setUrls, () => setUrls(null));
  }, [credentials]);
  return (
    <section>
      <h1>Settings</h1>
      <EnvironmentVariables />
      <div className="panel" aria-label="URLs">
        <h2>URLs</h2>
        <table className="plain">
          <tbody>
            <tr>
              <th>Deployment URL (clients, CLI)</th>
              <td className="mono">{urls?.convexCloudUrl ?? credentials.deploymentUrl}</td>
            </tr>
            <tr>
              <th>HTTP actions URL</th>
              <td className="mono">{urls?.convexSiteUrl ?? '…'}</td>
            </tr>
          </tbody>
        </table>
        <p className="muted">
          For the <code>convex</code> CLI: <code>CONVEX_SELF_HOSTED_URL={urls?.convexCloudUrl ?? credentials.deploymentUrl}</code> and{' '}
          <code>CONVEX_SELF_HOSTED_ADMIN_KEY=&lt;admin key&gt;</code>.
        </p>
      </div>
      <div className="panel" aria-label="Authentication">
        <h2>Authentication providers</h2>
        {providers.status === 'pending' && <p className="muted">Loading…</p>}
        {providers.status === 'error' && <p className="error">{providers.error.message}</p>}
        {providers.status === 'success' &&
          (providers.data.length === 0 ? (
            <p className="muted">
              None. Add <code>convex/auth.config.ts</code> and deploy.
            </p>
          ) : (
            <ul>
              {providers.data.map((provider, i) => (
                <li key={i} className="mono">
                  {formatValue(provider)}
                </li>
              ))}
            </ul>
          ))}
        <p className="muted">Read-only: providers come from the deployed <code>auth.config.ts</code>.</p>
      </div>
      <div className="panel" aria-label="Admin keys">
        <h2>Admin keys</h2>
        <p>An admin key can read and change everything in this deployment. Make a new one on the backend machine:</p>
        <pre>{pnpmCommand}</pre>
        <p>or, with Docker Compose:</p>
        <pre>{dockerCommand}</pre>
      </div>
    </section>
  );
}
