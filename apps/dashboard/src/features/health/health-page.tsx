'use client';
import { useEffect, useState, type ReactNode } from 'react';
import { useLiveQuery } from '../../components/use-live-query.ts';
import { fetchCanonicalUrls, fetchMetrics, fetchVersion } from '@selfhost/client/admin';
import { formatBytes, formatDuration, formatTime } from '../../lib/format-units.ts';
import { parsePrometheusText } from '../../lib/prometheus-text.ts';
import { system } from '../../lib/system-functions.ts';
import { useDeployment } from '../../session/deployment-context.ts';
import { healthMetrics, type HealthMetrics } from './health-metrics.ts';

type Snapshot = { version: string; urls: { convexCloudUrl: string; convexSiteUrl: string } | null; metrics: HealthMetrics; at: number };

const refreshMs = 5_000;

/** Health: version, URLs, uptime, database, function call counts and the last deploy. */
export function HealthPage() {
  const { credentials } = useDeployment();
  const deployResult = useLiveQuery(system.deploymentInfo, {});
  const deploy = deployResult.status === 'success' ? deployResult.data : deployResult.status === 'pending' ? undefined : null;
  const [snapshot, setSnapshot] = useState<Snapshot | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    let cancelled = false;
    const load = async () => {
      // Each source on its own: a backend without metrics (or without CORS on /metrics) still
      // shows its version and URLs.
      const [version, metricsText, urls] = await Promise.allSettled([
        fetchVersion(credentials.deploymentUrl),
        fetchMetrics(credentials.deploymentUrl),
        fetchCanonicalUrls(credentials),
      ]);
      if (cancelled) return;
      if (version.status === 'rejected') {
        setError(version.reason instanceof Error ? version.reason.message : String(version.reason));
        return;
      }
      setSnapshot({
        version: version.value,
        urls: urls.status === 'fulfilled' ? urls.value : null,
        metrics: healthMetrics(parsePrometheusText(metricsText.status === 'fulfilled' ? metricsText.value : '')),
        at: Date.now(),
      });
      setError(null);
    };
    void load();
    const timer = setInterval(() => {
      void load();
      setNow(Date.now());
    }, refreshMs);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [credentials]);

  const metrics = snapshot?.metrics;
  const na = <span className="muted">not reported</span>;
  return (
    <section>
      <h1>Health</h1>
      {error !== null && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="cards">
        <Card label="Backend version" value={snapshot?.version ?? '…'} />
        <Card
          label="Uptime"
          value={metrics?.startedAtMs ? formatDuration(now - metrics.startedAtMs) : na}
          sub={metrics?.startedAtMs ? `since ${formatTime(metrics.startedAtMs)}` : undefined}
        />
        <Card
          label="Database"
          value={metrics?.databaseEngine ?? na}
          sub={metrics?.databaseSizeBytes !== null && metrics?.databaseSizeBytes !== undefined ? formatBytes(metrics.databaseSizeBytes) : undefined}
        />
        <Card label="Function calls" value={metrics?.functionCalls ?? na} />
        <Card
          label="Function failures"
          value={metrics?.functionFailures ?? na}
          sub={
            metrics?.functionCalls && metrics.functionFailures !== null
              ? `${((metrics.functionFailures / metrics.functionCalls) * 100).toFixed(1)} % of calls`
              : undefined
          }
        />
        <Card
          label="Last deploy"
          value={deploy === undefined ? '…' : deploy === null ? 'never' : formatDuration(now - deploy.pushedAt) + ' ago'}
          sub={deploy ? `${formatTime(deploy.pushedAt)} · convex ${deploy.udfServerVersion}` : undefined}
        />
      </div>
      <h2>URLs</h2>
      <table className="plain">
        <tbody>
          <tr>
            <th>Deployment (API, sync)</th>
            <td className="mono">{snapshot?.urls?.convexCloudUrl ?? credentials.deploymentUrl}</td>
          </tr>
          <tr>
            <th>HTTP actions</th>
            <td className="mono">{snapshot?.urls?.convexSiteUrl ?? '…'}</td>
          </tr>
          <tr>
            <th>Dashboard talks to</th>
            <td className="mono">{credentials.deploymentUrl}</td>
          </tr>
        </tbody>
      </table>
      <p className="muted">Refreshes every {refreshMs / 1000} s{snapshot ? `; last at ${new Date(snapshot.at).toLocaleTimeString()}` : ''}.</p>
    </section>
  );
}

function Card({ label, value, sub }: { label: string; value: ReactNode; sub?: string | undefined }) {
  return (
    <div className="card">
      <div className="label">{label}</div>
      <div className="value">{value}</div>
      {sub !== undefined && <div className="sub">{sub}</div>}
    </div>
  );
}
