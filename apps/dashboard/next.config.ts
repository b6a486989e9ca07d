import type { NextConfig } from 'next';

// Workspace packages are bundled from their TypeScript sources (the same files the
// `@selfhost/source` export condition names), so neither `next dev` nor `next build` needs their
// dist/ first. Turbopack has no option for custom export conditions, hence the aliases.
const source = (pkg: string, entry: string) => `../../packages/${pkg}/src/${entry}`;

const nextConfig: NextConfig = {
  reactStrictMode: true,
  // `pnpm check-types` type-checks everything with tsconfig.json; Next's own check would read the
  // route types it generates under .next/, whose unused imports fail our strict settings.
  typescript: { ignoreBuildErrors: true, tsconfigPath: 'tsconfig.next.json' },
  poweredByHeader: false,
  // Browsers ask for /favicon.ico on a full page load whatever the page links; answer it with the
  // app's icon instead of a 404 (which the e2e test rightly counts as a console error).
  rewrites: () => Promise.resolve([{ source: '/favicon.ico', destination: '/icon.svg' }]),
  turbopack: {
    resolveAlias: {
      '@selfhost/client/react': source('client', 'react/index.ts'),
      '@selfhost/client/browser': source('client', 'browser/index.ts'),
      '@selfhost/client/values': source('client', 'values/index.ts'),
      '@selfhost/client/server': source('client', 'server/index.ts'),
      '@selfhost/client/admin': source('client', 'admin/index.ts'),
      '@selfhost/values': source('values', 'index.ts'),
      '@selfhost/protocol': source('protocol', 'index.ts'),
    },
  },
};

export default nextConfig;
