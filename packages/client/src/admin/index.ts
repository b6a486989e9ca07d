// `@selfhost/client/admin`: the admin HTTP routes a dashboard calls besides functions (key check,
// version, metrics, canonical URLs, environment variables, the log stream). Hand-written list
// (STYLE.md habit 1).
export {
  adminClientHeader,
  checkAdminKey,
  fetchCanonicalUrls,
  fetchMetrics,
  fetchVersion,
  streamFunctionLogs,
  updateEnvironmentVariables,
} from './admin-http-client.ts';
export type { AdminCredentials } from './admin-http-client.ts';
export { AdminHttpError } from './admin-http-error.ts';
export type { AdminHttpErrorKind } from './admin-http-error.ts';
