import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { serviceStatus } from '../test-support/services.ts';
import { poolConfig } from './postgres-connection.ts';
import { openPostgresPersistence } from './postgres-persistence.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'selfhost-pg-ssl-'));
const caFile = path.join(dir, 'ca.pem');
const PEM = '-----BEGIN CERTIFICATE-----\nnot really a certificate\n-----END CERTIFICATE-----\n';
writeFileSync(caFile, PEM);
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const pg = await serviceStatus('postgres');

const BASE = 'postgres://app:s%40cret@db.example.com:6543/ignored';
const ssl = (url: string, options: Parameters<typeof poolConfig>[0]['ssl'] = undefined) =>
  poolConfig({ url, database: 'selfhost', ssl: options }, 'selfhost', null).ssl;

describe('postgres ssl config', () => {
  test('no sslmode and no options means plain connections', () => {
    expect(ssl(BASE)).toBe(false);
    expect(ssl(`${BASE}?sslmode=disable`)).toBe(false);
  });

  test('require encrypts without verifying; allow and prefer never fall back to plain text', () => {
    for (const mode of ['require', 'prefer', 'allow'])
      expect(ssl(`${BASE}?sslmode=${mode}`)).toEqual({ rejectUnauthorized: false });
  });

  test('verify-full checks the chain against sslrootcert and the host name', () => {
    expect(ssl(`${BASE}?sslmode=verify-full&sslrootcert=${encodeURIComponent(caFile)}`)).toEqual({
      rejectUnauthorized: true,
      ca: PEM,
    });
    // Without a CA file Node's default trust store is used.
    expect(ssl(`${BASE}?sslmode=verify-full`)).toEqual({ rejectUnauthorized: true });
  });

  test('verify-ca checks the chain but not the host name', () => {
    const config = ssl(`${BASE}?sslmode=verify-ca&sslrootcert=${encodeURIComponent(caFile)}`);
    expect(config).toMatchObject({ rejectUnauthorized: true, ca: PEM });
    const { checkServerIdentity } = config as { checkServerIdentity: () => unknown };
    expect(checkServerIdentity()).toBeUndefined();
  });

  test('options.ssl wins over the URL, and its caFile is read', () => {
    expect(ssl(`${BASE}?sslmode=disable`, { mode: 'verify-full', caFile })).toEqual({
      rejectUnauthorized: true,
      ca: PEM,
    });
    expect(ssl(`${BASE}?sslmode=verify-full`, { mode: 'disable' })).toBe(false);
  });

  test('the URL query never reaches the connection settings', () => {
    const config = poolConfig(
      { url: `${BASE}?sslmode=require&sslrootcert=/x.pem`, database: 'd', poolSize: 3 },
      'd',
      'my"schema',
    );
    expect(config).toMatchObject({
      host: 'db.example.com',
      port: 6543,
      user: 'app',
      password: 's@cret',
      database: 'd',
      max: 3,
      ssl: { rejectUnauthorized: false },
      options: '-c search_path="my""schema"',
    });
  });

  test('a CA file that cannot be read is a clear error naming the file', () => {
    const missing = path.join(dir, 'missing.pem');
    expect(() => ssl(`${BASE}?sslmode=verify-full&sslrootcert=${missing}`)).toThrow(
      expect.objectContaining({
        code: 'StorageFailure',
        message: `Cannot read the PostgreSQL CA file "${missing}" (ssl.caFile or sslrootcert): ENOENT: no such file or directory, open '${missing}'. Point it at the PEM file your provider publishes.`,
      }) as Error,
    );
    expect(() => ssl(BASE, { mode: 'verify-ca', caFile: dir })).toThrow(/EISDIR/);
  });

  test('an unknown sslmode is rejected instead of silently disabling TLS', () => {
    expect(() => ssl(`${BASE}?sslmode=verify_full`)).toThrow(
      'Unknown sslmode "verify_full" in the PostgreSQL URL: use disable, allow, prefer, require, verify-ca or verify-full.',
    );
  });

  test('opening with a bad CA file fails before connecting', async () => {
    await expect(
      openPostgresPersistence({
        url: 'postgres://postgres@127.0.0.1:1',
        database: 'selfhost',
        ssl: { mode: 'verify-full', caFile: path.join(dir, 'nope.pem') },
      }),
    ).rejects.toMatchObject({ code: 'StorageFailure', message: /Cannot read the PostgreSQL CA/ });
  });

  test.skipIf(!pg.available)(
    'sslmode=require is enforced: the local server without TLS refuses',
    async () => {
      await expect(
        openPostgresPersistence({
          url: 'postgres://postgres@127.0.0.1:5432?sslmode=require',
          database: 'test',
        }),
      ).rejects.toMatchObject({
        code: 'StorageFailure',
        message: /does not support SSL/,
      });
    },
  );
});
