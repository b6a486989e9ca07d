import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { findDeploymentSettings, resolveDeployment } from './deployment-settings.ts';

let cwd: string;
beforeEach(() => {
  cwd = mkdtempSync(path.join(tmpdir(), 'selfhost-settings-'));
});
afterEach(() => rmSync(cwd, { recursive: true, force: true }));

describe('deployment settings', () => {
  test('flags, then the environment, then .env.local, then .env; SELFHOST_* before CONVEX_SELF_HOSTED_*', () => {
    writeFileSync(
      path.join(cwd, '.env'),
      'SELFHOST_URL=http://from-dotenv\nSELFHOST_ADMIN_KEY=dotenv-key\n',
    );
    expect(findDeploymentSettings({ cwd, env: {}, flags: {} })).toEqual({
      url: 'http://from-dotenv',
      adminKey: 'dotenv-key',
    });
    writeFileSync(
      path.join(cwd, '.env.local'),
      'CONVEX_SELF_HOSTED_URL=http://convex-local\nSELFHOST_URL=http://selfhost-local\n',
    );
    expect(findDeploymentSettings({ cwd, env: {}, flags: {} }).url).toBe('http://selfhost-local');
    const env = {
      CONVEX_SELF_HOSTED_URL: 'http://from-env',
      CONVEX_SELF_HOSTED_ADMIN_KEY: 'env-key',
    };
    expect(findDeploymentSettings({ cwd, env, flags: {} })).toEqual({
      url: 'http://from-env',
      adminKey: 'env-key',
    });
    expect(
      findDeploymentSettings({ cwd, env, flags: { url: 'http://flag', adminKey: 'flag-key' } }),
    ).toEqual({
      url: 'http://flag',
      adminKey: 'flag-key',
    });
  });

  test('--env-file replaces .env.local and .env', () => {
    writeFileSync(path.join(cwd, '.env.local'), 'SELFHOST_URL=http://local\n');
    writeFileSync(
      path.join(cwd, 'prod.env'),
      'CONVEX_SELF_HOSTED_URL=https://prod.example.com/\nCONVEX_SELF_HOSTED_ADMIN_KEY=k\n',
    );
    expect(resolveDeployment({ cwd, env: {}, flags: { envFile: 'prod.env' } })).toEqual({
      url: 'https://prod.example.com',
      adminKey: 'k',
    });
    expect(() => resolveDeployment({ cwd, env: {}, flags: { envFile: 'missing.env' } })).toThrow(
      /missing\.env \(from --env-file\) does not exist/,
    );
  });

  test('errors say where to put what is missing', () => {
    expect(() => resolveDeployment({ cwd, env: {}, flags: {} })).toThrowErrorMatchingInlineSnapshot(
      `[CliError: No deployment URL. Pass --url <url>, or set SELFHOST_URL (or CONVEX_SELF_HOSTED_URL) in the environment or in .env.local — \`selfhost init\` writes one.]`,
    );
    expect(() =>
      resolveDeployment({ cwd, env: { SELFHOST_URL: 'http://127.0.0.1:3210' }, flags: {} }),
    ).toThrowErrorMatchingInlineSnapshot(
      `[CliError: No admin key for http://127.0.0.1:3210. Pass --admin-key <key>, or set SELFHOST_ADMIN_KEY (or CONVEX_SELF_HOSTED_ADMIN_KEY) in the environment or in .env.local. The backend prints one at start-up (the "admin key:" line).]`,
    );
    expect(() =>
      resolveDeployment({ cwd, env: {}, flags: { url: 'localhost:3210', adminKey: 'k' } }),
    ).toThrowErrorMatchingInlineSnapshot(
      `[CliError: "localhost:3210" is not an http(s) URL. Use the backend's address, e.g. http://127.0.0.1:3210.]`,
    );
  });
});
