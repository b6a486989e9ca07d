import { createHash } from 'node:crypto';

/**
 * The hash the CLI computes for a module (compat §2.3): hex SHA-256 of the source bytes
 * immediately followed by the source-map bytes, if any. Unchanged modules are pushed by hash.
 *
 * @example
 * moduleHash({ source: 'export {}', sourceMap: undefined });
 */
export function moduleHash(module: { readonly source: string; readonly sourceMap?: string | undefined }): string {
  const hash = createHash('sha256').update(module.source, 'utf8');
  if (module.sourceMap !== undefined) hash.update(module.sourceMap, 'utf8');
  return hash.digest('hex');
}
