import type { GenericId } from '@selfhost/values';

/**
 * A storage id in its legacy string form.
 *
 * @example
 * ```ts
 * const legacy: StorageId = 'kg2…';
 * ```
 */
export type StorageId = string;

/**
 * A file's id: a `_storage` document id, or a legacy storage id string.
 *
 * @example
 * ```ts
 * const id: FileStorageId = args.storageId;
 * ```
 */
export type FileStorageId = GenericId<'_storage'> | StorageId;

/**
 * What `storage.getMetadata` returns (deprecated: read the `_storage` system table instead).
 *
 * @example
 * ```ts
 * const meta: FileMetadata | null = await ctx.storage.getMetadata(id);
 * ```
 */
export type FileMetadata = {
  /** The file's id. */
  storageId: StorageId;
  /** Hex-encoded SHA-256 of the contents. */
  sha256: string;
  /** Size in bytes. */
  size: number;
  /** The MIME type given at upload, if any. */
  contentType: string | null;
};

// A legacy storage id is accepted only as a plain string, never as an id of another table.
type LegacyStorageId<TId extends StorageId> = TId extends { __tableName: any } ? never : TId; // eslint-disable-line @typescript-eslint/no-explicit-any -- matches any table

/**
 * Reads file storage (`ctx.storage` in queries).
 *
 * @example
 * ```ts
 * const url = await ctx.storage.getUrl(message.imageId);
 * ```
 */
export interface StorageReader {
  /** A URL to download the file, or `null` when it does not exist. */
  getUrl(storageId: GenericId<'_storage'>): Promise<string | null>;
  /** @deprecated Pass a `GenericId<"_storage">`. */
  getUrl<TId extends StorageId>(storageId: LegacyStorageId<TId>): Promise<string | null>;
  /** @deprecated Read the `_storage` system table: `ctx.db.system.get("_storage", id)`. */
  getMetadata(storageId: GenericId<'_storage'>): Promise<FileMetadata | null>;
  /** @deprecated Read the `_storage` system table. */
  getMetadata<TId extends StorageId>(storageId: LegacyStorageId<TId>): Promise<FileMetadata | null>;
}

/**
 * Reads and writes file storage (`ctx.storage` in mutations).
 *
 * @example
 * ```ts
 * const uploadUrl = await ctx.storage.generateUploadUrl();
 * ```
 */
export interface StorageWriter extends StorageReader {
  /** A short-lived URL a client can POST a file to; the response holds its storage id. */
  generateUploadUrl(): Promise<string>;
  /** Deletes the file. */
  delete(storageId: GenericId<'_storage'>): Promise<void>;
  /** @deprecated Pass a `GenericId<"_storage">`. */
  delete<TId extends StorageId>(storageId: LegacyStorageId<TId>): Promise<void>;
  /** The file's contents, or `null` when it does not exist. */
  get(storageId: GenericId<'_storage'>): Promise<Blob | null>;
  /** @deprecated Pass a `GenericId<"_storage">`. */
  get<TId extends StorageId>(storageId: LegacyStorageId<TId>): Promise<Blob | null>;
  /** Stores `blob` and returns its storage id; `sha256` (base64) is checked when given. */
  store(blob: Blob, options?: { sha256?: string }): Promise<GenericId<'_storage'>>;
}

/**
 * File storage in actions (`ctx.storage`): the same methods as {@link StorageWriter}.
 *
 * @example
 * ```ts
 * const id = await ctx.storage.store(new Blob([bytes], { type: 'image/png' }));
 * ```
 */
// An interface (not an alias) so editors show its name, as convex/server declares it.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface StorageActionWriter extends StorageWriter {}
