// Adds up the vitest JSON reports every workspace package wrote (SELFHOST_TEST_REPORT=1) and
// prints one line: "N passed, N failed" plus ", N skipped" when any were skipped. A package
// that has a test script but wrote no report (it crashed before vitest could) counts as a
// failure, and so does a test file that failed to load. Exits non-zero on any failure.
//
//   node tooling/scripts/test-summary.ts [--check 'pnpm lint=0' ...] [--root <dir>]
//
// Each `--check name=status` is one more check (lint, type-check) that passed when its exit
// status is 0 and failed otherwise. `--root` reads the reports of another tree (tests use it).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  testResults: { name: string; status: string; message?: string; assertionResults: { status: string }[] }[];
}

const { values: options } = parseArgs({
  options: {
    check: { type: 'string', multiple: true, default: [] },
    root: { type: 'string', default: path.resolve(import.meta.dirname, '..', '..') },
  },
});
const root = path.resolve(options.root);
const workspaceFolders = ['packages', 'apps', 'tooling', 'examples'].flatMap((group) =>
  existsSync(path.join(root, group))
    ? readdirSync(path.join(root, group)).map((name) => path.join(root, group, name))
    : [],
);

let passed = 0;
let failed = 0;
let skipped = 0;
const problems: string[] = [];

for (const folder of workspaceFolders) {
  const manifestPath = path.join(folder, 'package.json');
  if (!existsSync(manifestPath)) continue;
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { name: string; scripts?: Record<string, string> };
  if (!manifest.scripts?.test) continue;
  const reportPath = path.join(folder, 'test-results', 'vitest.json');
  if (!existsSync(reportPath)) {
    failed += 1;
    problems.push(`${manifest.name}: no test report was written (the test command failed before vitest reported)`);
    continue;
  }
  const report = JSON.parse(readFileSync(reportPath, 'utf8')) as VitestReport;
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + report.numTodoTests;
  for (const file of report.testResults) {
    const failedInside = file.assertionResults.some((a) => a.status === 'failed');
    if (file.status === 'failed' && !failedInside) {
      failed += 1;
      problems.push(`${manifest.name}: ${path.relative(root, file.name)} failed to run: ${(file.message ?? '').split('\n')[0]}`);
    }
  }
}

for (const check of options.check) {
  const separator = check.lastIndexOf('=');
  const [name, status] = [check.slice(0, separator), check.slice(separator + 1)];
  if (separator > 0 && status === '0') {
    passed += 1;
  } else {
    failed += 1;
    problems.push(`${name || check}: exited with status ${status || '?'} (its output is above)`);
  }
}

for (const problem of problems) console.log(`FAILED ${problem}`);
console.log(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
