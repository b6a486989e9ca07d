// The layering of shared/ARCHITECTURE.md, written down once: for each workspace folder, the
// workspace packages it may import. Lint turns everything else into an error.
/** @type {Record<string, readonly string[]>} */
export const allowedImports = {
  'packages/values': [],
  'packages/protocol': ['values'],
  'packages/text-search': ['values'],
  'packages/vector': ['values'],
  'packages/database': ['values', 'protocol', 'text-search', 'vector'],
  'packages/storage': ['values', 'protocol'],
  'packages/udf-runtime': ['values'],
  'packages/function-runner': ['values', 'protocol', 'database', 'storage', 'text-search', 'vector', 'udf-runtime'],
  'packages/sync': ['values', 'protocol', 'database', 'function-runner'],
  'packages/system-udfs': ['client'],
  'packages/local-backend': [
    'values',
    'protocol',
    'database',
    'storage',
    'text-search',
    'vector',
    'udf-runtime',
    'function-runner',
    'sync',
    'system-udfs',
  ],
  'packages/client': ['values', 'protocol'],
  'apps/backend': ['local-backend'],
  // Acceptance tests span every package (STYLE.md habit 26).
  'packages/tests': [
    'values',
    'protocol',
    'database',
    'storage',
    'text-search',
    'vector',
    'udf-runtime',
    'function-runner',
    'sync',
    'system-udfs',
    'local-backend',
    'client',
  ],
  'apps/dashboard': ['client'],
  'examples/chat': ['client'],
};

/** Every `@selfhost/*` package that takes part in the layering. */
export const layeredPackages = [
  'values',
  'protocol',
  'text-search',
  'vector',
  'database',
  'storage',
  'udf-runtime',
  'function-runner',
  'sync',
  'system-udfs',
  'local-backend',
  'client',
];
