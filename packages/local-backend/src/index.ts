// The public API of @selfhost/local-backend: what apps/backend (and tests) compose.
export { readConfig } from './config/read-config.ts';
export { ConfigError } from './config/config-error.ts';
export { defaultInstanceName, type BackendConfig, type DatabaseConfig } from './config/backend-config.ts';
export { credentialFiles, loadInstanceCredentials, type InstanceCredentials } from './credentials/instance-credentials.ts';
export { startBackend, type RunningBackend, type StartBackendOptions } from './server/start-backend.ts';
export { backendVersion } from './version.ts';
export { mintAdminKey, verifyAdminKey, type AdminKeyClaims, type MintAdminKeyOptions, type VerifyAdminKeyOptions } from './keys/admin-key.ts';
export { InstanceSecret } from './keys/instance-secret.ts';
export { AdminKeyError, isAdminKeyError, type AdminKeyErrorCode, type AdminKeyProblem } from './keys/admin-key-error.ts';
export type { AdminKeyIdentity } from './keys/admin-key-identity.ts';
export { runGenerateAdminKey, type GenerateAdminKeyInput, type GenerateAdminKeyOutput } from './keys/mint-cli.ts';
