import { Base64 } from '@selfhost/values';
import { checkArgPresent } from '../args/check-arg.ts';
import { performAsyncSyscall } from '../syscall/perform-async-syscall.ts';
import { performJsSyscall } from '../syscall/perform-js-syscall.ts';
import { CONVEX_COMPAT_VERSION } from '../version.ts';
import type { FileMetadata, StorageActionWriter, StorageReader, StorageWriter } from './storage.ts';

const version = CONVEX_COMPAT_VERSION;

/**
 * The `ctx.storage` of a query.
 *
 * @example
 * ```ts
 * await createStorageReader('').getUrl(storageId);
 * ```
 */
export function createStorageReader(requestId: string): StorageReader {
  return Object.freeze({
    getUrl: async (storageId: string) => {
      checkArgPresent(storageId, { position: 1, method: 'getUrl', argName: 'storageId' });
      return (await performAsyncSyscall('1.0/storageGetUrl', { requestId, version, storageId })) as
        string | null;
    },
    getMetadata: async (storageId: string) =>
      (await performAsyncSyscall('1.0/storageGetMetadata', {
        requestId,
        version,
        storageId,
      })) as FileMetadata | null,
  }) as StorageReader;
}

/**
 * The `ctx.storage` of a mutation. `store` and `get` move the bytes through the syscall as base64.
 *
 * @example
 * ```ts
 * await createStorageWriter('').generateUploadUrl();
 * ```
 */
export function createStorageWriter(requestId: string): StorageWriter {
  return Object.freeze({
    ...createStorageReader(requestId),
    generateUploadUrl: async () =>
      (await performAsyncSyscall('1.0/storageGenerateUploadUrl', { requestId, version })) as string,
    delete: async (storageId: string) => {
      await performAsyncSyscall('1.0/storageDelete', { requestId, version, storageId });
    },
    store: async (blob: Blob, options?: { sha256?: string }) => {
      checkIsBlob(blob);
      const bytes = new Uint8Array(await blob.arrayBuffer());
      return await performAsyncSyscall('1.0/storageStore', {
        requestId,
        version,
        blob: Base64.fromByteArray(bytes),
        contentType: blob.type,
        sha256: options?.sha256,
      });
    },
    get: async (storageId: string) => {
      const result = (await performAsyncSyscall('1.0/storageGet', {
        requestId,
        version,
        storageId,
      })) as {
        blob: string;
        contentType: string | null;
      } | null;
      if (result === null) return null;
      // Freshly decoded bytes own a plain ArrayBuffer (the DOM typings want that said).
      const bytes = Base64.toByteArray(result.blob) as Uint8Array<ArrayBuffer>;
      return new Blob([bytes], { type: result.contentType ?? '' });
    },
  }) as StorageWriter;
}

/**
 * The `ctx.storage` of an action: blobs go to the host as live objects (`storage/storeBlob`,
 * `storage/getBlob` JS syscalls) instead of base64 text.
 *
 * @example
 * ```ts
 * await createStorageActionWriter(requestId).store(blob);
 * ```
 */
export function createStorageActionWriter(requestId: string): StorageActionWriter {
  return Object.freeze({
    ...createStorageWriter(requestId),
    store: async (blob: Blob, options?: { sha256?: string }) =>
      await performJsSyscall('storage/storeBlob', { requestId, version, blob, options }),
    get: async (storageId: string) =>
      await performJsSyscall('storage/getBlob', { requestId, version, storageId }),
  }) as StorageActionWriter;
}

function checkIsBlob(blob: unknown): void {
  if (!(blob instanceof Blob)) {
    throw new Error(
      'store() takes a Blob. To store the body of a Request, pass `await request.blob()`.',
    );
  }
}
