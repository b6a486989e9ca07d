import { defineSelfhostConfig } from '@selfhost/vitest-config';

const config = defineSelfhostConfig(import.meta.dirname);
// Same workaround as packages/database: with "import" among the worker's `--conditions`, Node's
// require() picks the "import" branch of pg-pool's exports map and pg (loaded through
// @selfhost/database) crashes with "Class extends value [object Module]".
// TODO(tooling): fix this in tooling/vitest-config for every package.
if (config.ssr?.resolve?.conditions) {
  config.ssr.resolve.conditions = config.ssr.resolve.conditions.filter(
    (condition) => condition !== 'import',
  );
}

export default config;
