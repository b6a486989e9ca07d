// tooling/scripts/test-summary.ts writes the last line of CI: tests from every package's vitest
// report plus one check each for `pnpm lint` and `pnpm check-types` (tooling/scripts/test.sh).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { repoRoot } from './repo-root.ts';

const scratch = mkdtempSync(path.join(tmpdir(), 'selfhost-test-summary-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A workspace folder with a test script and, when given, the vitest report it wrote. */
function workspacePackage(
  root: string,
  name: string,
  report?: { passed: number; failed: number; skipped: number },
) {
  const folder = path.join(root, 'packages', name);
  mkdirSync(path.join(folder, 'test-results'), { recursive: true });
  writeFileSync(
    path.join(folder, 'package.json'),
    JSON.stringify({ name, scripts: { test: 'vitest run' } }),
  );
  if (report === undefined) return;
  const vitestReport = {
    numPassedTests: report.passed,
    numFailedTests: report.failed,
    numPendingTests: report.skipped,
    numTodoTests: 0,
    testResults: [],
  };
  writeFileSync(path.join(folder, 'test-results', 'vitest.json'), JSON.stringify(vitestReport));
}

function summarize(root: string, checks: string[]) {
  const result = spawnSync(
    process.execPath,
    [
      path.join(repoRoot, 'tooling', 'scripts', 'test-summary.ts'),
      '--root',
      root,
      ...checks.flatMap((check) => ['--check', check]),
    ],
    { encoding: 'utf8' },
  );
  return { status: result.status, lines: result.stdout.trimEnd().split('\n') };
}

describe('test-summary.ts', () => {
  test('counts lint and type-check as one passed check each', () => {
    const root = path.join(scratch, 'green');
    workspacePackage(root, 'a', { passed: 3, failed: 0, skipped: 2 });
    const { status, lines } = summarize(root, ['pnpm lint=0', 'pnpm check-types=0']);
    expect(lines).toEqual(['5 passed, 0 failed, 2 skipped']);
    expect(status).toBe(0);
  });

  test('a failing check is a failure named above the summary, and the exit status says so', () => {
    const root = path.join(scratch, 'red');
    workspacePackage(root, 'a', { passed: 3, failed: 0, skipped: 0 });
    const { status, lines } = summarize(root, ['pnpm lint=1', 'pnpm check-types=0']);
    expect(lines).toEqual([
      'FAILED pnpm lint: exited with status 1 (its output is above)',
      '4 passed, 1 failed',
    ]);
    expect(status).toBe(1);
  });

  test('a package that wrote no report fails, checks or not', () => {
    const root = path.join(scratch, 'crashed');
    workspacePackage(root, 'b');
    const { status, lines } = summarize(root, []);
    expect(lines.at(-1)).toBe('0 passed, 1 failed');
    expect(status).toBe(1);
  });
});
