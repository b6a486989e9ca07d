import path from 'node:path';

/** The repository root, two levels above this package. */
export const repoRoot = path.resolve(import.meta.dirname, '..', '..', '..');
