import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { ConfigError } from '../config/config-error.ts';
import { loadInstanceCredentials } from './instance-credentials.ts';

const dirs: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'selfhost-creds-'));
  dirs.push(dir);
  return dir;
}
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe('loadInstanceCredentials', () => {
  test('generates and saves a secret on first boot, then reuses it', async () => {
    const dir = await tempDir();
    const first = await loadInstanceCredentials(dir, {});
    expect(first.generated).toBe(true);
    expect(first.instanceName).toBe('convex-self-hosted');
    expect(first.instanceSecret).toMatch(/^[0-9a-f]{64}$/);
    const saved = path.join(dir, 'credentials', 'instance_secret');
    expect((await readFile(saved, 'utf8')).trim()).toBe(first.instanceSecret);
    expect((await stat(saved)).mode & 0o777).toBe(0o600);
    const second = await loadInstanceCredentials(dir, {});
    expect(second).toEqual({ ...first, generated: false });
  });

  test('given settings win and nothing is written', async () => {
    const dir = await tempDir();
    const secret = 'ab'.repeat(32);
    const creds = await loadInstanceCredentials(dir, { instanceName: 'my-app', instanceSecret: secret });
    expect(creds).toEqual({ instanceName: 'my-app', instanceSecret: secret, generated: false });
    await expect(stat(path.join(dir, 'credentials'))).rejects.toThrow();
  });

  test('a malformed secret names INSTANCE_SECRET', async () => {
    const dir = await tempDir();
    const error = await loadInstanceCredentials(dir, { instanceSecret: 'short' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toMatchInlineSnapshot(
      `"INSTANCE_SECRET must be 64 hexadecimal characters (32 bytes), e.g. the output of \`openssl rand -hex 32\`"`,
    );
  });
});
