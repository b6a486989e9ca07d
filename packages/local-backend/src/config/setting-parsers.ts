import { ConfigError } from './config-error.ts';

/**
 * Parses a TCP port (0 allowed: pick a free one).
 *
 * @example
 * parsePort('PORT', '3210'); // 3210
 */
export function parsePort(setting: string, text: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) {
    throw new ConfigError(setting, `must be a port number between 0 and 65535, got "${text}"`);
  }
  return port;
}

/**
 * Parses a positive whole number (counts, seconds).
 *
 * @example
 * parsePositiveInteger('DOCUMENT_RETENTION_DELAY', '172800'); // 172800
 */
export function parsePositiveInteger(setting: string, text: string): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < 1 || !Number.isSafeInteger(value)) {
    throw new ConfigError(setting, `must be a whole number of at least 1, got "${text}"`);
  }
  return value;
}

/**
 * Parses a boolean the way Convex's settings are written: true/false, 1/0, yes/no, on/off.
 *
 * @example
 * parseBoolean('DISABLE_BEACON', 'true'); // true
 */
export function parseBoolean(setting: string, text: string): boolean {
  const normalized = text.trim().toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(normalized)) return true;
  if (['false', '0', 'no', 'off', ''].includes(normalized)) return false;
  throw new ConfigError(setting, `must be true or false, got "${text}"`);
}

/**
 * Parses an http(s) origin such as `https://api.example.com` (no path, no trailing slash).
 *
 * @example
 * parseOrigin('CONVEX_CLOUD_ORIGIN', 'http://127.0.0.1:3210/'); // 'http://127.0.0.1:3210'
 */
export function parseOrigin(setting: string, text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ConfigError(setting, `must be a URL such as https://api.example.com, got "${text}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(setting, `must start with http:// or https://, got "${text}"`);
  }
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '') {
    throw new ConfigError(setting, `must be an origin without a path, query or fragment, got "${text}"`);
  }
  return url.origin;
}

/**
 * Parses a database connection URL with one of the allowed schemes.
 *
 * @example
 * parseDatabaseUrl('POSTGRES_URL', 'postgres://u:p@db:5432', ['postgres:', 'postgresql:']);
 */
export function parseDatabaseUrl(setting: string, text: string, schemes: readonly string[]): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ConfigError(setting, `must be a connection URL such as ${schemes[0]}//user:password@host:port, got an unparseable value`);
  }
  if (!schemes.includes(url.protocol)) {
    throw new ConfigError(setting, `must start with ${schemes.map((s) => `${s}//`).join(' or ')}, got "${url.protocol}//…"`);
  }
  return url;
}
