/**
 * The environment for `next build` and `next start` from inside vitest: `NODE_ENV=production`
 * instead of vitest's `test` (Next warns about and mis-builds a non-standard one), and no
 * telemetry.
 *
 * @example
 * spawn('next', ['start'], { env: productionEnv({ PORT: '6791' }) });
 */
export function productionEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', ...extra };
}
