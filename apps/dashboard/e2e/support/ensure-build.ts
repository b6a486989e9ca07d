// Global setup of the "e2e" vitest project: the end-to-end test drives the production build
// (`next start`), so build first unless `.next/` already holds a build newer than every input.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { chromiumPath } from './chromium-path.ts';
import { productionEnv } from './production-env.ts';

const dashboardDir = path.resolve(import.meta.dirname, '..', '..');
const repoRoot = path.resolve(dashboardDir, '..', '..');
const buildId = path.join(dashboardDir, '.next', 'BUILD_ID');
/** What the production build is made from: the app, its config, and the workspace sources it bundles. */
const inputs = [
  path.join(dashboardDir, 'src'),
  path.join(dashboardDir, 'next.config.ts'),
  path.join(dashboardDir, 'package.json'),
  path.join(dashboardDir, 'tsconfig.json'),
  ...['client', 'values', 'protocol'].map((pkg) => path.join(repoRoot, 'packages', pkg, 'src')),
];

/** Tests are not part of the build: editing one must not cost a rebuild. */
const notBuilt = /\.test(-d)?\.tsx?$|^test-support$/;

function newestChange(file: string): number {
  const stat = statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(file)) {
    if (!notBuilt.test(entry)) newest = Math.max(newest, newestChange(path.join(file, entry)));
  }
  return newest;
}

/** True when `.next/` holds a production build made after the last change to its inputs. */
export function buildIsFresh(): boolean {
  if (!existsSync(buildId)) return false;
  const builtAt = statSync(buildId).mtimeMs;
  return inputs.every((input) => !existsSync(input) || newestChange(input) < builtAt);
}

/** Builds the dashboard unless the build is fresh (vitest `globalSetup`). */
export async function setup(): Promise<void> {
  // Nothing to build for a suite that skips itself (no Chromium outside CI).
  if (!existsSync(chromiumPath) && process.env.CI === undefined) return;
  if (buildIsFresh()) return;
  const started = performance.now();
  try {
    await promisify(execFile)(path.join(dashboardDir, 'node_modules/.bin/next'), ['build'], {
      cwd: dashboardDir,
      env: productionEnv(),
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    const failure = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(
      `next build failed: ${failure.message}\n${failure.stdout ?? ''}\n${failure.stderr ?? ''}`,
      { cause: error },
    );
  }
  console.log(`[e2e] built the dashboard in ${Math.round((performance.now() - started) / 1000)} s`);
}
