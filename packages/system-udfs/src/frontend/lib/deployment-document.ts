/** The one `_deployment` document (see the package README). */
export type DeploymentDocument = {
  _id: string;
  _creationTime: number;
  udfServerVersion: string;
  pushedAt: number;
  /** `auth.config.ts` as JSON text (`{ providers: [...] }`), or null when the app has none. */
  authConfig: string | null;
};

/**
 * The `_deployment` document, or null before the first push.
 *
 * @example
 * const deployment = await readDeployment(ctx.db);
 */
export async function readDeployment(db: { system: unknown }): Promise<DeploymentDocument | null> {
  // `_deployment` is not in the typed private data model of ../system-tables.ts.
  const system = db.system as { query(table: string): { first(): Promise<unknown> } };
  return (await system.query('_deployment').first()) as DeploymentDocument | null;
}
