#!/usr/bin/env node
// Entry of the `selfhost` CLI. Plain JavaScript, so that an old Node can still run it far enough
// to say what is wrong. Inside the selfhost repository it runs the TypeScript sources directly
// (Node 24 strips the types); an installed package runs the built `dist/`.
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  console.error(
    `selfhost needs Node.js 24 or newer, but this is Node ${process.versions.node}. Install Node 24 LTS and try again.`,
  );
  process.exit(1);
}
const { existsSync, realpathSync } = await import('node:fs');
const path = await import('node:path');
const here = path.dirname(realpathSync(import.meta.filename));
const source = path.join(here, '..', 'src', 'cli', 'main.ts');
const fromSource = !here.split(path.sep).includes('node_modules') && existsSync(source);
if (fromSource) {
  // Workspace packages resolve each other's sources through this export condition.
  const { registerHooks } = await import('node:module');
  registerHooks({
    resolve: (specifier, context, nextResolve) =>
      nextResolve(specifier, {
        ...context,
        conditions: [...context.conditions, '@selfhost/source'],
      }),
  });
}
const { main } = await import(
  fromSource ? source : path.join(here, '..', 'dist', 'cli', 'main.js')
);
process.exitCode = await main(process.argv.slice(2));
