import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ConfigError } from './config-error.ts';
import { readConfig } from './read-config.ts';

function configError(argv: string[], env: Record<string, string>): ConfigError {
  try {
    readConfig(argv, env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('readConfig', () => {
  test('defaults match the reference self-hosted backend', () => {
    const config = readConfig([], {});
    expect(config).toMatchObject({
      host: '0.0.0.0',
      port: 3210,
      sitePort: 3211,
      cloudOrigin: 'http://127.0.0.1:3210',
      siteOrigin: 'http://127.0.0.1:3211',
      beaconEnabled: true,
      metricsEnabled: true,
      concurrency: { queries: 16, mutations: 16, actions: 16, nodeActions: 16, httpActions: 16 },
      transport: 'auto',
    });
    expect(config.database).toEqual({ kind: 'sqlite', path: path.resolve('data', 'db.sqlite3') });
    expect(config.documentRetentionDelaySeconds).toBeUndefined();
    expect(readConfig([], { DOCUMENT_RETENTION_DELAY: '60' }).documentRetentionDelaySeconds).toBe(60);
  });

  test('flags win over environment variables', () => {
    const config = readConfig(['--port', '4000', '--disable-beacon'], { PORT: '5000', DISABLE_BEACON: 'false' });
    expect(config.port).toBe(4000);
    expect(config.cloudOrigin).toBe('http://127.0.0.1:4000');
    expect(config.beaconEnabled).toBe(false);
  });

  test('origins are normalized', () => {
    const config = readConfig([], { CONVEX_CLOUD_ORIGIN: 'https://api.example.com/', CONVEX_SITE_ORIGIN: 'https://site.example.com' });
    expect(config.cloudOrigin).toBe('https://api.example.com');
    expect(config.siteOrigin).toBe('https://site.example.com');
  });

  test('database choice follows POSTGRES_URL, MYSQL_URL, DATABASE_URL, then SQLite', () => {
    const env = { POSTGRES_URL: 'postgres://u:p@db:5432', MYSQL_URL: 'mysql://root@my:3306', DATABASE_URL: 'postgres://old:5432', INSTANCE_NAME: 'my-app' };
    expect(readConfig([], env).database).toEqual({ kind: 'postgres', url: 'postgres://u:p@db:5432', database: 'my_app', requireSsl: true });
    expect(readConfig([], { ...env, POSTGRES_URL: '' }).database).toMatchObject({ kind: 'mysql', database: 'my_app' });
    expect(readConfig([], { DATABASE_URL: 'postgres://h:5432/explicit', DO_NOT_REQUIRE_SSL: '1' }).database).toEqual({
      kind: 'postgres',
      url: 'postgres://h:5432/explicit',
      database: 'explicit',
      requireSsl: false,
    });
  });

  test('bad values name the setting and say what is expected', () => {
    expect(configError([], { PORT: 'abc' }).message).toMatchInlineSnapshot(
      `"PORT must be a port number between 0 and 65535, got "abc""`,
    );
    expect(configError(['--port', '70000'], {}).message).toMatchInlineSnapshot(
      `"--port must be a port number between 0 and 65535, got "70000""`,
    );
    expect(configError([], { CONVEX_CLOUD_ORIGIN: 'ftp://x' }).setting).toBe('CONVEX_CLOUD_ORIGIN');
    expect(configError([], { CONVEX_SITE_ORIGIN: 'https://x.com/path' }).message).toContain('without a path');
    expect(configError([], { CONVEX_CLOUD_ORIGIN: 'https://api.example.com' }).message).toMatchInlineSnapshot(`"CONVEX_CLOUD_ORIGIN must be set together with --convex-site / CONVEX_SITE_ORIGIN (the public URL of the HTTP-actions port)"`);
    expect(configError(['--convex-site', 'https://site.example.com'], {}).message).toMatchInlineSnapshot(`"--convex-site must be set together with --convex-origin / CONVEX_CLOUD_ORIGIN (the public URL of the API port)"`);
    expect(configError([], { POSTGRES_URL: 'mysql://x' }).message).toContain('must start with postgres://');
    expect(configError([], { DISABLE_BEACON: 'maybe' }).message).toMatchInlineSnapshot(
      `"DISABLE_BEACON must be true or false, got "maybe""`,
    );
    expect(configError([], { APPLICATION_MAX_CONCURRENT_QUERIES: '0' }).setting).toBe('APPLICATION_MAX_CONCURRENT_QUERIES');
    expect(configError([], { APPLICATION_MAX_CONCURRENT_HTTP_ACTIONS: 'many' }).setting).toBe('APPLICATION_MAX_CONCURRENT_HTTP_ACTIONS');
    expect(configError([], { INSTANCE_NAME: 'bad name!' }).setting).toBe('INSTANCE_NAME');
    expect(configError([], { SELFHOST_HTTP_TRANSPORT: 'fast' }).setting).toBe('SELFHOST_HTTP_TRANSPORT');
    expect(configError(['--no-such-flag'], {}).message).toContain("Unknown option '--no-such-flag'");
  });
});
