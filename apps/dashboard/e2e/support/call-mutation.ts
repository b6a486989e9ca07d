/**
 * Runs a public mutation over the backend's HTTP API (`POST /api/mutation`) the way an app
 * would, so that a test can change data behind the dashboard's back. Throws when it fails.
 *
 * @example
 * await callMutation(backend.url, 'messages:send', { author: 'ada', body: 'hi' });
 */
export async function callMutation(url: string, path: string, args: Record<string, unknown>): Promise<unknown> {
  const response = await fetch(`${url}/api/mutation`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ path, args, format: 'json' }),
  });
  const body = (await response.json()) as { status: string; value?: unknown; errorMessage?: string };
  if (body.status !== 'success') throw new Error(`${path} failed: ${body.errorMessage ?? JSON.stringify(body)}`);
  return body.value;
}
