/**
 * Checks a deployment URL the way the official clients do: it must be an absolute `http(s)` URL,
 * and not a `.convex.site` (HTTP actions) address. Self-hosted URLs pass.
 *
 * @example
 * ```ts
 * validateDeploymentUrl('http://127.0.0.1:3210');
 * validateDeploymentUrl('ftp://x'); // throws
 * ```
 */
export function validateDeploymentUrl(deploymentUrl: unknown): void {
  if (deploymentUrl === undefined) {
    throw new Error(
      "Client created with undefined deployment address. If you used an environment variable, check that it's set.",
    );
  }
  if (typeof deploymentUrl !== 'string') {
    throw new Error(`Invalid deployment address: found ${typeof deploymentUrl}".`);
  }
  if (!deploymentUrl.startsWith('http:') && !deploymentUrl.startsWith('https:')) {
    throw new Error(
      `Invalid deployment address: Must start with "https://" or "http://". Found "${deploymentUrl}".`,
    );
  }
  if (!URL.canParse(deploymentUrl)) {
    throw new Error(
      `Invalid deployment address: "${deploymentUrl}" is not a valid URL. If you believe this URL is correct, use the \`skipConvexDeploymentUrlCheck\` option to bypass this.`,
    );
  }
  if (deploymentUrl.endsWith('.convex.site')) {
    throw new Error(
      `Invalid deployment address: "${deploymentUrl}" ends with .convex.site, which is used for HTTP Actions. Convex deployment URLs typically end with .convex.cloud? If you believe this URL is correct, use the \`skipConvexDeploymentUrlCheck\` option to bypass this.`,
    );
  }
}

/**
 * The sync WebSocket URL of a deployment (spec §3.1): `http` → `ws`, `https` → `wss`, path
 * `/api/<version>/sync`.
 *
 * @example
 * ```ts
 * syncUrl('https://a.example.com', '1.48.0'); // 'wss://a.example.com/api/1.48.0/sync'
 * ```
 */
export function syncUrl(address: string, clientVersion: string): string {
  const separator = address.indexOf('://');
  if (separator === -1) throw new Error('Provided address was not an absolute URL.');
  const scheme = address.slice(0, separator);
  const rest = address.slice(separator + 3);
  let wsScheme: string;
  if (scheme === 'http') wsScheme = 'ws';
  else if (scheme === 'https') wsScheme = 'wss';
  else throw new Error(`Unknown parent protocol ${scheme}`);
  return `${wsScheme}://${rest}/api/${clientVersion}/sync`;
}
