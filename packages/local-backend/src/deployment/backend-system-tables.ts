/**
 * The private system tables the backend keeps in the database (documented for the system
 * functions in packages/system-udfs/README.md). The database creates them at open.
 */
export const backendSystemTables = [
  { name: '_modules', indexes: [{ name: 'by_path', fields: ['path'] }] },
  { name: '_module_blobs', indexes: [{ name: 'by_hash_part', fields: ['hash', 'part'] }] },
  { name: '_environment_variables', indexes: [{ name: 'by_name', fields: ['name'] }] },
  { name: '_deployment', indexes: [] },
  { name: '_session_requests', indexes: [{ name: 'by_session_request', fields: ['sessionId', 'requestId'] }] },
] as const;
