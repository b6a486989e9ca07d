#!/usr/bin/env -S node --no-node-snapshot --conditions=@selfhost/source
// Entry of the backend executable. Plain JavaScript, so that an old Node can still run it far
// enough to say what is wrong; the server itself is TypeScript run directly by Node 24.
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  console.error(`selfhost needs Node.js 24 or newer, but this is Node ${process.versions.node}. Install Node 24 LTS and try again.`);
  process.exit(1);
}
if (!process.execArgv.includes('--no-node-snapshot')) {
  // isolated-vm needs it; re-run ourselves with the flag when started as `node bin/...`,
  // passing signals on so that Ctrl-C and `kill` still stop the server cleanly.
  const { spawn } = await import('node:child_process');
  const child = spawn(
    process.execPath,
    ['--no-node-snapshot', '--conditions=@selfhost/source', ...process.execArgv, import.meta.filename, ...process.argv.slice(2)],
    { stdio: 'inherit' },
  );
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else {
  // Node's compile cache keeps the type-stripped, compiled modules on disk (os.tmpdir()), so a
  // restart skips stripping and compiling our TypeScript: about half the start-up time and
  // ~20 MiB of RSS. NODE_COMPILE_CACHE picks another directory; NODE_DISABLE_COMPILE_CACHE=1 turns it off.
  const { enableCompileCache } = await import('node:module');
  enableCompileCache?.();
  await import('../src/main.ts');
}
