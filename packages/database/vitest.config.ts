import { defineSelfhostConfig } from '@selfhost/vitest-config';

const config = defineSelfhostConfig(import.meta.dirname);
// Vitest forwards ssr.resolve.conditions to the worker as `node --conditions …`. With "import"
// among them, Node's require() picks the "import" branch of pg-pool's exports map and pg crashes
// ("Class extends value [object Module]"). Vite applies "import" to ESM imports by itself.
// TODO(tooling): fix this in tooling/vitest-config for every package.
if (config.ssr?.resolve?.conditions) {
  config.ssr.resolve.conditions = config.ssr.resolve.conditions.filter((condition) => condition !== 'import');
}

export default config;
