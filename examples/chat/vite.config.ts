import { defineConfig } from 'vite';

// No React plugin: Vite's own transformer compiles JSX with React's automatic runtime. Inside
// this repository @selfhost/client is bundled from its TypeScript sources (the
// `@selfhost/source` export condition), so the app needs no build of the library first.
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic' } },
  resolve: { conditions: ['@selfhost/source', 'module', 'browser', 'development|production'] },
});
