import type { Readable } from 'node:stream';

/**
 * Where file contents live, addressed by keys the application generates (`ab/<uuid>`: lower-case letters,
 * digits, `.`, `_`, `-` in `/`-separated segments). Client input never becomes a key. LocalFileStorage
 * keeps them under DATA_DIR; an S3-compatible store can replace it by providing FILE_STORAGE differently,
 * without touching the callers.
 */
export interface FileStorage {
  /** Stores the stream under `key`, all or nothing: on failure nothing is readable under `key`. */
  put(key: string, content: Readable): Promise<void>;
  /** The content under `key`; rejects with StoredObjectMissingError when there is none. */
  get(key: string): Promise<Readable>;
  /** Removes `key`; removing a missing key is not an error. */
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
}

export const FILE_STORAGE = Symbol('FILE_STORAGE');

export class StoredObjectMissingError extends Error {
  constructor(readonly key: string) {
    super(`No stored object under key "${key}".`);
    this.name = 'StoredObjectMissingError';
  }
}

const KEY = /^[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)*$/;

/** Implementations call this first: a key that could climb out of the store is a programming error. */
export function assertValidKey(key: string): void {
  if (!KEY.test(key) || key.length > 512) throw new Error(`Invalid storage key "${key}".`);
}
