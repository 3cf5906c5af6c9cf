import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { OnModuleInit } from '@nestjs/common';
import { StoredObjectMissingError, assertValidKey, type FileStorage } from './file-storage.js';

/** Temporary files older than this belong to a process that died mid-write. */
export const ABANDONED_AFTER_MS = 60 * 60 * 1000;

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';

/**
 * Files under one root folder. A write goes to `<root>/.partial/` (same file system), is fsynced, then renamed
 * into place, and the directory is fsynced: after a crash a key holds either nothing or the whole content.
 */
export class LocalFileStorage implements FileStorage, OnModuleInit {
  private readonly root: string;
  private readonly partial: string;

  constructor(root: string) {
    this.root = resolve(root);
    this.partial = join(this.root, '.partial');
  }

  /** Removes partial writes left by crashed processes; recent ones may still be in progress in another process. */
  async onModuleInit(): Promise<void> {
    // Compared with the files' modification times, which the file system stamps from the wall clock.
    // eslint-disable-next-line local/no-wall-clock
    await removeOlderThan(this.partial, Date.now() - ABANDONED_AFTER_MS);
  }

  /** Where a key lives on disk; refuses any key that could point outside the root. */
  pathOf(key: string): string {
    assertValidKey(key);
    const path = resolve(this.root, key);
    if (!path.startsWith(this.root + sep)) throw new Error(`Storage key "${key}" leaves the storage root.`);
    return path;
  }

  async put(key: string, content: Readable): Promise<void> {
    const target = this.pathOf(key);
    await mkdir(this.partial, { recursive: true });
    await mkdir(dirname(target), { recursive: true });
    const temporary = join(this.partial, randomUUID());
    try {
      // flush: fsync before close, so the rename below never publishes a file whose bytes are still in memory.
      await pipeline(content, createWriteStream(temporary, { flags: 'wx', mode: 0o600, flush: true }));
      await rename(temporary, target);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    await syncDirectory(dirname(target));
  }

  async get(key: string): Promise<Readable> {
    // Opening first turns a missing file into an error the caller sees before any byte is sent.
    const handle = await open(this.pathOf(key), 'r').catch((error: unknown) => {
      throw isMissing(error) ? new StoredObjectMissingError(key) : error;
    });
    return handle.createReadStream();
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  async exists(key: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(key))).isFile();
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }
}

/** Makes a rename durable: the directory entry itself must reach the disk. */
async function syncDirectory(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Deletes the plain files in `folder` last modified before `cutoff`. */
export async function removeOlderThan(folder: string, cutoff: number): Promise<void> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch (error) {
    if (isMissing(error)) return;
    throw error;
  }
  for (const name of names) {
    const path = join(folder, name);
    const info = await stat(path).catch(() => null);
    if (info?.isFile() && info.mtimeMs < cutoff) await rm(path, { force: true });
  }
}
