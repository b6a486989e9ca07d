/**
 * The text to show for a caught error: a `ConvexError`'s data when it is a string (the system
 * mutations put the validation message there), else the message without the request prefix.
 *
 * @example
 * setError(errorMessage(caught));
 */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) {
    const data = (error as { data?: unknown }).data;
    if (typeof data === 'string' && data !== '') return data;
    return error.message.replace(/^\[Request ID: [^\]]*\] /, '').replace(/^Server Error\n?/, '');
  }
  return String(error);
}
