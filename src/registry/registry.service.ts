import type { IncomingMessage } from 'node:http';
import { pipeline, type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { HttpStatus, Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Keyset, type Page } from '../http/pagination.js';
import { badRequest, notFound, ProblemException } from '../http/problem.js';
import { uploadEncoding } from './import/content-type.js';
import { RegistryChange, type FieldChanges } from './registry-change.entity.js';
import { ImportHeaderError, RegistryImportService, type ImportSummary } from './registry-import.service.js';
import { RegistryImport } from './registry-import.entity.js';
import { RegistryKeys } from './registry-keys.js';
import type { SubjectType } from './registry-records.js';
import { registryTable } from './registry-tables.js';
import type { ChangesQuery, ChangeView, ImportView } from './registry.dto.js';
import { maskPersonField } from './personal-fields.js';

const importView = (row: RegistryImport): ImportView => ({
  id: row.id,
  subjectType: row.subjectType,
  format: row.format,
  source: row.source,
  status: row.status,
  lines: row.lines,
  imported: row.imported,
  updated: row.updated,
  unchanged: row.unchanged,
  rejectedCount: row.rejectedCount,
  rejected: row.rejected,
  error: row.error,
  startedAt: row.startedAt,
  finishedAt: row.finishedAt,
});

const changeView = (row: RegistryChange): ChangeView => ({
  id: row.id,
  subjectType: row.subjectType,
  subjectId: row.subjectId,
  importId: row.importId,
  kind: row.kind,
  changes: row.subjectType === 'person' ? maskedChanges(row.changes) : row.changes,
  changedAt: row.changedAt,
});

/** A person's changes as staff see them: both sides of each identifying field masked. */
function maskedChanges(changes: FieldChanges | null): FieldChanges | null {
  if (!changes) return null;
  return Object.fromEntries(
    Object.entries(changes).map(([field, change]) => [field, { old: maskPersonField(field, change.old), new: maskPersonField(field, change.new) }]),
  );
}

/** Newest first. */
const CHANGE_PAGES = new Keyset('DESC', { id: { sql: 'c.id', type: 'bigint' } });

/**
 * The request body, gunzipped as it is read. pipeline() destroys the gunzip stream with the request's
 * error, so reading it fails instead of hanging. A body that is not gzip fails the stream while the
 * import is still being opened, before anyone reads from it: without a listener, that 'error' event
 * would be an uncaught exception and end the process. Reading the destroyed stream still throws it.
 */
function gunzipped(request: IncomingMessage): Readable {
  const gunzip = createGunzip();
  gunzip.on('error', () => undefined);
  return pipeline(request, gunzip, () => undefined);
}

/** The registry's HTTP side: uploads streamed into the importer, and what imports did. */
@Injectable()
export class RegistryService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly importer: RegistryImportService,
    private readonly keys: RegistryKeys,
  ) {}

  /** Reads the request body as it arrives (never buffered whole), gunzipping it when it says gzip. */
  async upload(subjectType: SubjectType, request: IncomingMessage, startedBy: string): Promise<ImportSummary> {
    const encoding = uploadEncoding(request.headers['content-type'], request.headers['content-encoding']);
    if (!encoding.ok) throw new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, 'registry.unsupported_media_type', encoding.message);
    const { format, charset, gzip } = encoding.encoding;
    const body = gzip ? gunzipped(request) : request;
    try {
      return await this.importer.import({ subjectType, format, charset, body, source: 'api', startedBy });
    } catch (error) {
      if (error instanceof ImportHeaderError) {
        const problem = badRequest('registry.invalid_header', 'The CSV header is wrong: nothing was imported.', error.problems);
        Object.assign(problem.extensions, { importId: error.importId });
        throw problem;
      }
      if (typeof (error as { code?: unknown }).code === 'string' && (error as { code: string }).code.startsWith('Z_')) {
        throw badRequest('registry.invalid_gzip', 'The body is not valid gzip; the lines before the damage were imported.', [{ path: 'body', message: 'is not valid gzip' }]);
      }
      throw error;
    }
  }

  async getImport(id: string): Promise<ImportView> {
    const row = await this.txHost.tx.getRepository(RegistryImport).findOneBy({ id });
    if (!row) throw notFound('registry.import_not_found', `No registry import with id ${id}.`);
    return importView(row);
  }

  /** The change log of one person or enterprise, newest first. */
  async changes(query: ChangesQuery): Promise<Page<ChangeView>> {
    if ((query.idNumber === undefined) === (query.uscc === undefined)) {
      throw badRequest('registry.subject_required', 'Give exactly one of idNumber and uscc.', [{ path: query.idNumber ? 'uscc' : 'idNumber', message: 'give exactly one of idNumber and uscc' }]);
    }
    const subjectType: SubjectType = query.idNumber ? 'person' : 'enterprise';
    const keys = this.keys.of(subjectType);
    const limit = query.limit ?? 50;
    const before = CHANGE_PAGES.decode(query.cursor);
    const builder = this.txHost.tx
      .getRepository(RegistryChange)
      .createQueryBuilder('c')
      .where('c.subjectType = :subjectType', { subjectType })
      .andWhere(`c.subjectId = (SELECT s.id FROM ${registryTable(subjectType).table} s WHERE s.${keys.lookupColumn} = ANY(CAST(:lookups AS ${keys.lookupType}[])))`, {
        lookups: keys.lookups((query.idNumber ?? query.uscc)!),
      })
      .orderBy(CHANGE_PAGES.orderBy)
      .take(limit + 1);
    if (before) builder.andWhere(...CHANGE_PAGES.after(before));
    return CHANGE_PAGES.page(await builder.getMany(), limit, changeView, (row) => ({ id: row.id }));
  }
}
