// The functions of convex/values (the oracle), typed against our `Value`: the two `Value` types
// differ only in the nominal `CommitTsPlaceholder` class (test support, not part of the build).
import * as official from 'convex/values';
import type { JSONValue, Value } from '../value/value.ts';

type OfficialValue = official.Value;

export const officialToJson = (value: Value): JSONValue =>
  official.convexToJson(value as OfficialValue);
export const officialFromJson = (json: JSONValue): Value => official.jsonToConvex(json) as Value;
export const officialCompare = (a: Value | undefined, b: Value | undefined): number =>
  official.compareValues(a as OfficialValue | undefined, b as OfficialValue | undefined);
export const officialSize = (value: Value | undefined): number =>
  official.getConvexSize(value as OfficialValue | undefined);
export const officialDocumentSize = (
  document: Record<string, Value>,
  options?: { customIdLength?: number },
): number => official.getDocumentSize(document as Record<string, OfficialValue>, options);
/** The JSON of an official validator (`json` is marked internal in its type declarations). */
export const officialJson = (validator: unknown): unknown => (validator as { json: unknown }).json;
export const officialV = official.v;
export const OfficialConvexError = official.ConvexError;
export const officialBase64 = official.Base64;
