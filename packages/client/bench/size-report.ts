// `pnpm --filter @selfhost/client size`: minified + gzipped size of `./browser` and `./react`
// beside the official `convex/browser` and `convex/react`, each bundled the same way (esbuild,
// ESM for browsers, minified, React left external, everything else bundled).
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const packageDir = path.resolve(import.meta.dirname, '..');

async function measure(specifier: string): Promise<{ minified: number; gzipped: number }> {
  const result = await build({
    stdin: {
      contents: `export * from ${JSON.stringify(specifier)};`,
      resolveDir: packageDir,
      loader: 'js',
    },
    bundle: true,
    write: false,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    // Ours resolves to its sources inside the repository; the official package has no such condition.
    conditions: ['@selfhost/source'],
    external: ['react', 'react-dom', 'react/jsx-runtime'],
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  return { minified: code.length, gzipped: gzipSync(code, { level: 9 }).length };
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const rows: string[][] = [
  ['entry', 'selfhost min', 'selfhost gzip', 'convex min', 'convex gzip', 'gzip ratio'],
];
for (const entry of ['browser', 'react']) {
  const ours = await measure(`@selfhost/client/${entry}`);
  const theirs = await measure(`convex/${entry}`);
  rows.push([
    `./${entry}`,
    kib(ours.minified),
    kib(ours.gzipped),
    kib(theirs.minified),
    kib(theirs.gzipped),
    `${(ours.gzipped / theirs.gzipped).toFixed(2)}×`,
  ]);
}
const widths =
  rows[0]?.map((_, column) => Math.max(...rows.map((row) => row[column]?.length ?? 0))) ?? [];
for (const row of rows)
  console.log(row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  '));
