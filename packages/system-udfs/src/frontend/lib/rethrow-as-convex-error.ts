import { ConvexError } from '@selfhost/client/values';

/**
 * Runs a write and turns its failure into a `ConvexError` carrying the message, so the dashboard
 * can show a schema validation error next to the document instead of a generic server error.
 *
 * @example
 * await rethrowAsConvexError(() => ctx.db.replace(id, document));
 */
export async function rethrowAsConvexError<TResult>(write: () => Promise<TResult>): Promise<TResult> {
  try {
    return await write();
  } catch (error) {
    throw new ConvexError(error instanceof Error ? error.message : String(error));
  }
}
