/**
 * The environment variables that name the deployment, in the order they are looked up: ours
 * first, then the official CLI's self-hosted ones (so a project set up for `npx convex` works
 * unchanged).
 *
 * @example
 * ```ts
 * for (const name of URL_VARIABLES) console.log(name); // SELFHOST_URL, CONVEX_SELF_HOSTED_URL
 * ```
 */
export const URL_VARIABLES = ['SELFHOST_URL', 'CONVEX_SELF_HOSTED_URL'] as const;

/**
 * The environment variables that hold the admin key, in lookup order.
 *
 * @example
 * ```ts
 * ADMIN_KEY_VARIABLES[1]; // 'CONVEX_SELF_HOSTED_ADMIN_KEY'
 * ```
 */
export const ADMIN_KEY_VARIABLES = ['SELFHOST_ADMIN_KEY', 'CONVEX_SELF_HOSTED_ADMIN_KEY'] as const;

/**
 * Variables the CLI manages itself, which `env set --from-file` skips (as the official CLI does).
 *
 * @example
 * ```ts
 * CLI_MANAGED_VARIABLES.has('CONVEX_SELF_HOSTED_URL'); // true
 * ```
 */
export const CLI_MANAGED_VARIABLES: ReadonlySet<string> = new Set([
  ...URL_VARIABLES,
  ...ADMIN_KEY_VARIABLES,
  'CONVEX_DEPLOY_KEY',
  'CONVEX_DEPLOYMENT_TOKEN',
  'CONVEX_DEPLOYMENT',
  'CONVEX_URL',
  'CONVEX_SITE_URL',
  'VITE_CONVEX_URL',
  'NEXT_PUBLIC_CONVEX_URL',
  'EXPO_PUBLIC_CONVEX_URL',
  'REACT_APP_CONVEX_URL',
  'PUBLIC_CONVEX_URL',
  'VITE_CONVEX_SITE_URL',
  'NEXT_PUBLIC_CONVEX_SITE_URL',
  'EXPO_PUBLIC_CONVEX_SITE_URL',
  'REACT_APP_CONVEX_SITE_URL',
  'PUBLIC_CONVEX_SITE_URL',
]);
