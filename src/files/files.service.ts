import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Inject, Injectable, StreamableFile } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { In } from 'typeorm';
import type { Caller } from '../auth/auth.decorators.js';
import { badRequest, notFound, type FieldError } from '../http/problem.js';
import type { FileView } from './file.dto.js';
import { contentDisposition, downloadName, sanitiseFileName } from './file-name.js';
import type { FileReferences } from './file-references.js';
import { FILE_STORAGE, type FileStorage } from './file-storage.js';
import { StoredFile } from './stored-file.entity.js';
import type { SpooledUpload } from './upload-spool.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const view = (file: StoredFile): FileView => ({
  id: file.id,
  sha256: file.sha256,
  size: file.size,
  contentType: file.contentType,
  originalName: file.originalName,
  createdAt: file.createdAt,
});

@Injectable()
export class FilesService {
  private readonly references: FileReferences[] = [];

  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
  ) {}

  private get files() {
    return this.txHost.tx.getRepository(StoredFile);
  }

  /** For a module whose records reference files: their readers may read those files too (see FileReferences). */
  registerReferences(references: FileReferences): void {
    this.references.push(references);
  }

  /**
   * Moves a checked upload from the spool into storage, then records it. Content first: a crash in between
   * leaves unreferenced bytes, never a row that points at nothing.
   */
  async store(ownerId: string, upload: SpooledUpload): Promise<FileView> {
    const id = randomUUID();
    // Sharded by hash so no directory grows too large; the id keeps equal contents of different owners apart.
    const storageKey = `${upload.sha256.slice(0, 2)}/${id}`;
    const content = createReadStream(upload.path);
    try {
      await this.storage.put(storageKey, content);
    } finally {
      content.destroy();
    }
    const file = this.files.create({
      id,
      ownerId,
      originalName: sanitiseFileName(upload.originalname),
      contentType: upload.contentType,
      size: upload.size,
      sha256: upload.sha256,
      storageKey,
    });
    try {
      await this.files.insert(file);
    } catch (error) {
      await this.storage.delete(storageKey);
      throw error;
    }
    return view(file);
  }

  async describe(id: string, caller: Caller): Promise<FileView> {
    return view(await this.readable(id, caller));
  }

  async content(id: string, caller: Caller): Promise<StreamableFile> {
    const file = await this.readable(id, caller);
    return new StreamableFile(await this.storage.get(file.storageKey), {
      type: file.contentType,
      length: file.size,
      disposition: contentDisposition(downloadName(file.originalName, file.contentType)),
    });
  }

  /**
   * For modules that attach files (cases, corrections): the files, in the order asked, when every id names a
   * file `ownerId` uploaded; otherwise a 400 listing each bad reference at `pathOf(index)`, e.g.
   * `(i) => \`materials[${i}].fileId\``. Unknown and foreign ids get the same answer, so nobody learns which
   * ids exist. Runs in the caller's transaction, if any.
   */
  async requireOwned(fileIds: readonly string[], ownerId: string, pathOf: (index: number) => string = (index) => `fileIds[${index}]`): Promise<StoredFile[]> {
    const wellFormed = [...new Set(fileIds.filter((id) => UUID.test(id)).map((id) => id.toLowerCase()))];
    const found = wellFormed.length === 0 ? [] : await this.files.findBy({ id: In(wellFormed), ownerId });
    const byId = new Map(found.map((file) => [file.id, file]));
    const errors: FieldError[] = [];
    const files: StoredFile[] = [];
    fileIds.forEach((id, index) => {
      const file = byId.get(id.toLowerCase());
      if (file) files.push(file);
      else errors.push({ path: pathOf(index), message: 'no file with this id among your uploads' });
    });
    if (errors.length > 0) throw badRequest('file.unknown', `${errors.length} file reference(s) do not name a file you uploaded.`, errors);
    return files;
  }

  /**
   * The uploader may read a file, and whoever can see a record that references it (the staff of a case it
   * is a material of); anyone else gets the same 404 as for a file that does not exist.
   */
  private async readable(id: string, caller: Caller): Promise<StoredFile> {
    const file = await this.files.findOneBy({ id });
    if (file && (file.ownerId === caller.id || (await this.referencedFor(id, caller)))) return file;
    throw notFound('file.not_found', `No file with id ${id}.`);
  }

  private async referencedFor(id: string, caller: Caller): Promise<boolean> {
    for (const references of this.references) if (await references.visibleTo(id, caller)) return true;
    return false;
  }
}
