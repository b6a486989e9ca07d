// The public API of @selfhost/local-backend: what apps/backend (and tests) compose.
export { readConfig } from './config/read-config.ts';
export { ConfigError } from './config/config-error.ts';
export { defaultInstanceName, type BackendConfig, type DatabaseConfig } from './config/backend-config.ts';
export { loadInstanceCredentials, type InstanceCredentials } from './credentials/instance-credentials.ts';
export { startBackend, type RunningBackend, type StartBackendOptions } from './server/start-backend.ts';
export { backendVersion } from './version.ts';
