// ESLint looks for its configuration here; the configuration itself lives in tooling/eslint-config.
export { default } from '@selfhost/eslint-config';
