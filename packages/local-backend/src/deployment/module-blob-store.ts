import type { Database, Transaction } from '@selfhost/database';
import { indexQuery } from './system-query.ts';

/** Documents stay well under the 1 MiB limit even for text that is all 3-byte UTF-8. */
const partChars = 256 * 1024;

/** A pushed module's code: what the CLI sent for one path. */
export interface ModuleCode {
  readonly source: string;
  readonly sourceMap?: string | undefined;
}

/**
 * Pushed module code, stored content-addressed in `_module_blobs` (split into parts, since a
 * bundle with its source map can exceed a document's size limit). Blobs are written in their
 * own transactions before a push is finished, so that the push itself commits only small
 * `_modules` rows; storing the same hash twice is a no-op.
 *
 * @example
 * await storeModuleBlob(db, hash, { source, sourceMap });
 * const code = await loadModuleBlob(tx, hash);
 */
export async function storeModuleBlob(db: Database, hash: string, code: ModuleCode): Promise<void> {
  const text = JSON.stringify({ source: code.source, sourceMap: code.sourceMap ?? null });
  const parts = Math.max(1, Math.ceil(text.length / partChars));
  // A few parts per transaction keeps each commit far below the per-transaction write limit.
  for (let first = 0; first < parts; first += 8) {
    await db.runMutation(async (tx) => {
      if (first === 0 && (await hasBlob(tx, hash))) return;
      for (let part = first; part < Math.min(parts, first + 8); part += 1) {
        await tx.insert('_module_blobs', { hash, part, parts, text: text.slice(part * partChars, (part + 1) * partChars) }, { system: true });
      }
    });
  }
}

/** Whether every part of a blob is stored. */
export async function hasBlob(tx: Transaction, hash: string): Promise<boolean> {
  const rows = await loadParts(tx, hash);
  return rows.length > 0 && rows.length === rows[0]!.parts;
}

/** A stored blob's code, or `undefined` if it is missing or incomplete. */
export async function loadModuleBlob(tx: Transaction, hash: string): Promise<ModuleCode | undefined> {
  const rows = await loadParts(tx, hash);
  if (rows.length === 0 || rows.length !== rows[0]!.parts) return undefined;
  const parsed = JSON.parse(rows.map((row) => row.text).join('')) as { source: string; sourceMap: string | null };
  return parsed.sourceMap === null ? { source: parsed.source } : { source: parsed.source, sourceMap: parsed.sourceMap };
}

async function loadParts(tx: Transaction, hash: string): Promise<{ text: string; parts: number }[]> {
  const docs = await tx.query(indexQuery('_module_blobs', 'by_hash_part', [['hash', hash]])).collect();
  return docs.map((doc) => ({ text: doc.value['text'] as string, parts: doc.value['parts'] as number }));
}
