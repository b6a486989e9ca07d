#!/usr/bin/env node
// Entry of the `selfhost` CLI. Plain JavaScript, so that an old Node can still run it far enough
// to say what is wrong. Inside the selfhost repository it runs the TypeScript sources directly
// (Node 24 strips the types); an installed package runs the built `dist/`, which needs Node 20.12
// (`util.styleText`, `import.meta.filename`).
const { existsSync, realpathSync } = await import('node:fs');
const path = await import('node:path');
const here = path.dirname(realpathSync(new URL(import.meta.url)));
const source = path.join(here, '..', 'src', 'cli', 'main.ts');
const fromSource = !here.split(path.sep).includes('node_modules') && existsSync(source);
// The sources need Node 24 (type stripping, `module.registerHooks`); `dist/` needs 20.12.
const [needMajor, needMinor] = fromSource ? [24, 0] : [20, 12];
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
if (major < needMajor || (major === needMajor && minor < needMinor)) {
  const needed = needMinor === 0 ? `${needMajor}` : `${needMajor}.${needMinor}`;
  console.error(
    `selfhost needs Node.js ${needed} or newer, but this is Node ${process.versions.node}. Install Node 24 LTS and try again.`,
  );
  process.exit(1);
}
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
