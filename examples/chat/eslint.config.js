// The repository's lint rules, except where a Convex app differs: Convex reads `schema.ts` (and
// `http.ts`, `crons.ts`, `auth.config.ts`) from default exports, and `_generated/` is exactly what
// codegen writes, `/* eslint-disable */` header included.
import base from '../../eslint.config.js';

export default [
  ...base,
  { files: ['convex/**/*.ts'], rules: { 'no-restricted-syntax': 'off' } },
  { files: ['convex/_generated/**'], linterOptions: { reportUnusedDisableDirectives: 'off' } },
];
