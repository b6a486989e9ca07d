import { defineSelfhostConfig } from '@selfhost/vitest-config';

export default defineSelfhostConfig(import.meta.dirname);
