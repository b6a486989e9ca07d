import { readFileSync } from 'node:fs';

// Read at run time (not imported) so the same line works from src/ and from dist/.
const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

/** The backend's version, served by `/version` and `/instance_version`. */
export const backendVersion: string = manifest.version;
