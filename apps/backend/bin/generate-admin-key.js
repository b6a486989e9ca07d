#!/usr/bin/env -S node --conditions=@selfhost/source
// Prints a new admin key for a backend (see `--help`). Plain JavaScript for the Node check.
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  console.error(`selfhost needs Node.js 24 or newer, but this is Node ${process.versions.node}.`);
  process.exit(1);
}
if (!process.execArgv.some((flag) => flag.startsWith('--conditions'))) {
  const { spawnSync } = await import('node:child_process');
  const result = spawnSync(process.execPath, ['--conditions=@selfhost/source', import.meta.filename, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
await import('../src/generate-admin-key.ts');
