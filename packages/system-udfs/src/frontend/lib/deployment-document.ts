/** The one `_deployment` document (see the package README). */
export type DeploymentDocument = {
  _id: string;
  _creationTime: number;
  udfServerVersion: string;
  pushedAt: number;
  authProviders: string;
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
