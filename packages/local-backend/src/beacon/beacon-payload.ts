/**
 * The JSON the beacon posts, with the field names of Convex's self-hosted beacon so the same
 * sink can read both.
 */
export interface BeaconPayload {
  readonly database_uuid: string;
  readonly migration_version: number;
  readonly compiled_revision: string;
  readonly commit_timestamp: string;
  readonly uptime: number;
  readonly beacon_tag: string;
  readonly beacon_fields: Readonly<Record<string, string | number | boolean>>;
}
