import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { Request } from 'express';
import type { StorageEngine } from 'multer';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import type { ProblemException } from '../http/problem.js';
import { SNIFF_BYTES, classifyZip, sniff, type AllowedType, type Sniffed } from './content-type.js';
import { ABANDONED_AFTER_MS, removeOlderThan } from './local-file-storage.js';
import { fileEmpty, fileTooLarge, fileTypeNotAllowed, fileUnsafeArchive } from './upload-problems.js';
import { archiveProblem, zipEntries, type ArchiveLimits, type ReadAt, type ZipEntry } from './zip-directory.js';

/** OFD packages hold pages, fonts and images: thousands of entries at most, and compress a few times over. */
const MAX_ARCHIVE_ENTRIES = 10_000;
const MAX_ARCHIVE_EXPANSION = 10;

/** An upload that passed every check, waiting in the spool for the FilesService to store it. */
export interface SpooledUpload {
  /** Multer's name for the client's file name: unsanitised, never a path. */
  originalname: string;
  path: string;
  size: number;
  sha256: string;
  contentType: AllowedType;
}

/**
 * Counts, hashes and sniffs the bytes on their way to the spool file, and stops the upload as soon as it is
 * too large or its first bytes show a type that is not allowed, so a refused file costs no more disk than that.
 */
class Inspection extends Transform {
  size = 0;
  sniffed: Sniffed | null = null;
  private readonly hash = createHash('sha256');
  private head: Buffer[] = [];
  private headLength = 0;

  constructor(private readonly maxBytes: number) {
    super();
  }

  /** Call once, after the last byte. */
  sha256(): string {
    return this.hash.digest('hex');
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.size += chunk.length;
    if (this.size > this.maxBytes) return callback(fileTooLarge(this.maxBytes));
    this.hash.update(chunk);
    if (this.sniffed === null) {
      this.head.push(chunk);
      this.headLength += chunk.length;
      if (this.headLength >= SNIFF_BYTES) return callback(this.decide(), chunk);
    }
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    if (this.size === 0) return callback(fileEmpty());
    callback(this.sniffed === null ? this.decide() : null);
  }

  private decide(): ProblemException | null {
    this.sniffed = sniff(Buffer.concat(this.head).subarray(0, SNIFF_BYTES));
    this.head = [];
    return this.sniffed.kind === 'refused' ? fileTypeNotAllowed(this.sniffed.type) : null;
  }
}

async function readZipEntries(path: string, size: number): Promise<ZipEntry[] | null> {
  const handle = await open(path, 'r');
  try {
    const readAt: ReadAt = async (position, length) => {
      const buffer = Buffer.alloc(length);
      const { bytesRead } = await handle.read(buffer, 0, length, position);
      return buffer.subarray(0, bytesRead);
    };
    return await zipEntries(readAt, size);
  } finally {
    await handle.close();
  }
}

/**
 * Multer's storage engine for uploads: each file streams to `<DATA_DIR>/tmp/uploads/<uuid>` (memory stays
 * flat however large the limit) and is checked on the way. The spool always lives on local disk, whatever
 * FileStorage holds the finished files: the storage key contains the hash, known only at the end.
 */
@Injectable()
export class UploadSpool implements StorageEngine, OnModuleInit {
  private readonly folder: string;
  private readonly maxBytes: number;
  private readonly archiveLimits: ArchiveLimits;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.folder = resolve(config.dataDir, 'tmp', 'uploads');
    this.maxBytes = config.maxUploadBytes;
    this.archiveLimits = { maxEntries: MAX_ARCHIVE_ENTRIES, maxUncompressedBytes: MAX_ARCHIVE_EXPANSION * config.maxUploadBytes };
  }

  async onModuleInit(): Promise<void> {
    await mkdir(this.folder, { recursive: true });
    // Compared with the files' modification times, which the file system stamps from the wall clock.
    // eslint-disable-next-line local/no-wall-clock
    await removeOlderThan(this.folder, Date.now() - ABANDONED_AFTER_MS);
  }

  _handleFile(_request: Request, file: Express.Multer.File, callback: (error?: unknown, info?: Partial<Express.Multer.File>) => void): void {
    this.spool(file.stream).then(
      (upload) => callback(null, upload as unknown as Partial<Express.Multer.File>),
      (error: unknown) => callback(error),
    );
  }

  _removeFile(_request: Request, file: Express.Multer.File, callback: (error: Error | null) => void): void {
    this.discard(file.path).then(() => callback(null), callback);
  }

  /** Removes a spool file; removing one twice is harmless. */
  async discard(path: string): Promise<void> {
    await rm(path, { force: true });
  }

  private async spool(source: Readable): Promise<Omit<SpooledUpload, 'originalname'>> {
    const path = join(this.folder, randomUUID());
    const inspection = new Inspection(this.maxBytes);
    try {
      await pipeline(source, inspection, createWriteStream(path, { flags: 'wx', mode: 0o600 }));
      let sniffed = inspection.sniffed as Sniffed;
      // A ZIP is allowed only as OFD, and only its central directory, at the very end, can tell.
      if (sniffed.kind === 'zip') {
        const entries = await readZipEntries(path, inspection.size);
        sniffed = classifyZip(entries?.map((entry) => entry.name) ?? null);
        const unsafe = entries && sniffed.kind === 'allowed' ? archiveProblem(entries, this.archiveLimits) : null;
        if (unsafe) throw fileUnsafeArchive(unsafe);
      }
      if (sniffed.kind === 'refused') throw fileTypeNotAllowed(sniffed.type);
      return { path, size: inspection.size, sha256: inspection.sha256(), contentType: sniffed.type };
    } catch (error) {
      await this.discard(path);
      throw error;
    }
  }
}
