import type { HttpResponseJson } from '../../bridge/http-json.ts';
import { bytesToBase64 } from '../globals/bytes.ts';
import { takeRegisteredResponse } from './http-syscalls.ts';

/**
 * Completes an HTTP action: `runRequest` returned the JSON that `convexJsonFromResponse`
 * made; read the registered response's body and return the whole response as JSON text.
 *
 * @example
 * ```ts
 * const json = await finishHttpResponse(await router.runRequest(requestJson, '/hook'));
 * ```
 * @internal
 */
export async function finishHttpResponse(responseJson: unknown): Promise<string> {
  if (typeof responseJson !== 'string') throw new Error('HTTP actions must return a Response');
  const description = JSON.parse(responseJson) as { status: number; statusText?: string; headerPairs: [string, string][]; streamId: string | null };
  const response = description.streamId === null ? undefined : takeRegisteredResponse(description.streamId);
  const bytes = response === undefined || response.bodySource === null ? null : await response.consumeBytes();
  const result: HttpResponseJson = {
    status: description.status,
    statusText: description.statusText ?? '',
    headerPairs: description.headerPairs,
    body: bytes === null ? null : bytesToBase64(bytes),
  };
  return JSON.stringify(result);
}
