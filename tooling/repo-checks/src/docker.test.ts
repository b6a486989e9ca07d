import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { repoRoot } from './repo-root.ts';

// No Docker engine runs on our machines, so these files are checked by reading them.
interface ComposeService {
  ports?: string[];
  volumes?: string[];
  profiles?: string[];
  depends_on?: Record<string, { condition: string }>;
  build?: { context: string; dockerfile: string };
}
interface ComposeFile {
  services: Record<string, ComposeService>;
}

const dockerDir = path.join(repoRoot, 'docker');
const compose = parse(readFileSync(path.join(dockerDir, 'docker-compose.yml'), 'utf8')) as ComposeFile;

function containerPorts(service: ComposeService | undefined): string[] {
  return (service?.ports ?? []).map((mapping) => mapping.split(':').at(-1) ?? '');
}

describe('docker-compose.yml', () => {
  test('runs the backend on 3210 and 3211 with a data volume', () => {
    const backend = compose.services.backend;
    expect(containerPorts(backend)).toEqual(['3210', '3211']);
    expect(backend?.volumes).toContain('data:/selfhost/data');
  });

  test('runs the dashboard on 6791 after the backend is healthy', () => {
    const dashboard = compose.services.dashboard;
    expect(containerPorts(dashboard)).toEqual(['6791']);
    expect(dashboard?.depends_on?.backend?.condition).toBe('service_healthy');
  });

  test('Postgres is optional, behind a profile', () => {
    expect(compose.services.postgres?.profiles).toEqual(['postgres']);
    expect(Object.keys(compose.services).sort()).toEqual(['backend', 'dashboard', 'postgres']);
  });

  test('each build names a Dockerfile that exists, built from the repository root', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      if (!service.build) continue;
      expect(path.resolve(dockerDir, service.build.context), name).toBe(repoRoot);
      expect(existsSync(path.join(repoRoot, service.build.dockerfile)), name).toBe(true);
    }
  });
});

describe('Dockerfiles', () => {
  for (const file of ['backend.Dockerfile', 'dashboard.Dockerfile']) {
    const text = readFileSync(path.join(dockerDir, file), 'utf8');

    test(`${file} builds on Node 24 on Debian 13`, () => {
      const bases = [...text.matchAll(/^FROM (\S+)/gm)].map((m) => m[1]);
      expect(bases.length).toBeGreaterThan(0);
      for (const base of bases) expect(base).toMatch(/^node:24-trixie/);
    });

    test(`${file} copies only paths that exist`, () => {
      const sources = [...text.matchAll(/^COPY (?!--from)(.+) \S+$/gm)].flatMap((m) => (m[1] ?? '').split(/\s+/));
      expect(sources.length).toBeGreaterThan(0);
      for (const source of sources) expect(existsSync(path.join(repoRoot, source)), source).toBe(true);
    });
  }
});
