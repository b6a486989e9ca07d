// Runs before `pnpm install` (and from the server's entry): refuse an old Node with a message
// that says what to do. Plain JavaScript so that even Node 20 can execute it.
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  console.error(
    `selfhost needs Node.js 24 or newer, but this is Node ${process.versions.node}.\n` +
      'Install Node 24 LTS (https://nodejs.org) or run `bash tooling/scripts/ensure-node24.sh`, ' +
      'which puts Node 24 first on PATH without touching the system Node.',
  );
  process.exit(1);
}
