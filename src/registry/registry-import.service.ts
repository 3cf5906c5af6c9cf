import { chinaDate } from '@app/business-calendar';
import { Injectable, Logger } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { scrubIdentifiers } from '../http/logging.js';
import { OutboxService } from '../queue/outbox/outbox.service.js';
import { JobName } from '../queue/queue-names.js';
import { ClockService } from '../time/clock.service.js';
import { HeaderError, isSourceFault, readRecords, type RegistryCharset, type RegistryFormat, type SourceItem } from './import/record-reader.js';
import { writeBatch, type BatchResult, type PendingRecord } from './registry-batch-writer.js';
import { RegistryKeys } from './registry-keys.js';
import { RegistryImport, type RejectedLine } from './registry-import.entity.js';
import { fieldsOf, requiredFieldsOf, validateEnterprise, validatePerson, type SubjectType } from './registry-records.js';
import { registryTable } from './registry-tables.js';

/** Lines per batch: one transaction, one upsert statement, one re-evaluation job. */
export const BATCH_SIZE = 1_000;
/** Rejections kept in the answer and on the import row; `rejectedCount` counts them all. */
export const REJECTION_LIMIT = 1_000;

export interface ImportRequest {
  subjectType: SubjectType;
  format: RegistryFormat;
  charset: RegistryCharset;
  body: AsyncIterable<Uint8Array | string>;
  source: 'api' | 'generator';
  startedBy: string | null;
}

export interface ImportSummary {
  importId: string;
  /** Data lines read (CSV: not counting the header; blank lines are skipped). */
  lines: number;
  imported: number;
  updated: number;
  unchanged: number;
  rejected: RejectedLine[];
  rejectedCount: number;
}

/** The answer when a CSV header is wrong: nothing was read, nothing written. */
export class ImportHeaderError extends Error {
  constructor(
    readonly importId: string,
    readonly problems: Array<{ path: string; message: string }>,
  ) {
    super('The CSV header is wrong');
  }
}

/** Collects an import's rejections: all are counted, the first REJECTION_LIMIT kept. */
class Rejections {
  readonly kept: RejectedLine[] = [];
  count = 0;

  add(lines: RejectedLine[]): void {
    this.count += lines.length;
    for (const line of lines) if (this.kept.length < REJECTION_LIMIT) this.kept.push(line);
  }
}

function rejectionOf(item: SourceItem & { code: string; message: string }): RejectedLine {
  return { line: item.line, code: item.code, message: item.message, errors: [{ field: null, code: item.code, message: item.message }] };
}

/**
 * Streams registry records into the registry: each line is checked on its own, good lines are upserted
 * in batches (each batch its own transaction, so a bad line is simply never written and no record is
 * half-updated), every change is logged with the import it came from, and the changed subjects are
 * handed to the benefits queue for re-evaluation in the same transaction.
 */
@Injectable()
export class RegistryImportService {
  private readonly logger = new Logger(RegistryImportService.name);

  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly outbox: OutboxService,
    private readonly clock: ClockService,
    private readonly keys: RegistryKeys,
  ) {}

  async import(request: ImportRequest): Promise<ImportSummary> {
    const imports = this.txHost.tx.getRepository(RegistryImport);
    const row = await imports.save(
      imports.create({ subjectType: request.subjectType, format: request.format, source: request.source, startedBy: request.startedBy }),
    );
    const summary: ImportSummary = { importId: row.id, lines: 0, imported: 0, updated: 0, unchanged: 0, rejected: [], rejectedCount: 0 };
    const rejections = new Rejections();
    try {
      await this.readAndWrite(request, summary, rejections);
    } catch (error) {
      // Kept and logged without ID numbers: a database error may quote the record it failed on.
      const message = scrubIdentifiers(error instanceof HeaderError ? `header: ${error.message}` : String((error as Error).message ?? error));
      await imports.update(row.id, { status: 'failed', error: message.slice(0, 2000), finishedAt: this.clock.now(), rejected: rejections.kept, rejectedCount: rejections.count });
      if (error instanceof HeaderError) throw new ImportHeaderError(row.id, error.problems);
      this.logger.warn(`import ${row.id} of ${request.subjectType} records stopped after ${summary.lines} lines: ${message}`);
      throw error;
    }
    summary.rejected = rejections.kept;
    summary.rejectedCount = rejections.count;
    await imports.update(row.id, { status: 'completed', finishedAt: this.clock.now(), rejected: rejections.kept, rejectedCount: rejections.count });
    return summary;
  }

  private async readAndWrite(request: ImportRequest, summary: ImportSummary, rejections: Rejections): Promise<void> {
    const { subjectType } = request;
    const table = registryTable(subjectType);
    const today = chinaDate(this.clock.now());
    const columns = Object.keys(fieldsOf(subjectType));
    let batch: PendingRecord[] = [];
    let batchRejected: RejectedLine[] = [];
    let batchLines = 0;
    const keysInBatch = new Set<string>();

    const flush = async () => {
      const result = await this.writeBatch(request, summary.importId, batch, batchLines, batchRejected.length);
      summary.imported += result.imported;
      summary.updated += result.updated;
      summary.unchanged += result.unchanged;
      // Lines refused by the batch (a re-key conflict) go in line order with the lines refused on reading.
      rejections.add([...batchRejected, ...result.rejected].sort((a, b) => a.line - b.line));
      batch = [];
      batchRejected = [];
      batchLines = 0;
      keysInBatch.clear();
    };

    for await (const items of readRecords(request.body, { format: request.format, charset: request.charset, columns, required: requiredFieldsOf(subjectType) })) {
      for (const item of items) {
        summary.lines++;
        if (isSourceFault(item)) {
          batchLines++;
          batchRejected.push(rejectionOf(item));
          continue;
        }
        const checked = subjectType === 'person' ? validatePerson(item.values, item.fromText, today) : validateEnterprise(item.values, item.fromText, today);
        if (!checked.ok) {
          const [first] = checked.problems;
          batchLines++;
          batchRejected.push({ line: item.line, code: first.code, message: first.message, errors: checked.problems });
          continue;
        }
        const pending: PendingRecord =
          'record' in checked.value
            ? { line: item.line, record: checked.value.record, formerKey: checked.value.formerIdNumber }
            : { line: item.line, record: checked.value, formerKey: null };
        const keys = [(pending.record as unknown as Record<string, string>)[table.keyField], ...(pending.formerKey ? [pending.formerKey] : [])];
        // A record met twice in one batch would be diffed against a stale read: the earlier line is written first.
        if (keys.some((key) => keysInBatch.has(key))) await flush();
        keys.forEach((key) => keysInBatch.add(key));
        batchLines++;
        batch.push(pending);
        if (batch.length >= BATCH_SIZE) await flush();
      }
      if (batchRejected.length >= BATCH_SIZE) await flush();
    }
    if (batchLines > 0) await flush();
  }

  /** One batch in one transaction: the records, their change log, the import's counters and the re-evaluation job. */
  private writeBatch(request: ImportRequest, importId: string, batch: PendingRecord[], lines: number, rejected: number): Promise<BatchResult> {
    return this.txHost.withTransaction(async () => {
      const result: BatchResult =
        batch.length > 0
          ? await writeBatch(this.txHost.tx, registryTable(request.subjectType), this.keys.of(request.subjectType), importId, batch)
          : { imported: 0, updated: 0, unchanged: 0, rejected: [], changedIds: [] };
      await this.txHost.tx.query(
        `UPDATE registry_import SET lines = lines + $2, imported = imported + $3, updated = updated + $4, unchanged = unchanged + $5,
                rejected_count = rejected_count + $6 WHERE id = $1`,
        [importId, lines, result.imported, result.updated, result.unchanged, rejected + result.rejected.length],
      );
      if (result.changedIds.length > 0) {
        await this.outbox.enqueue({
          name: JobName.BenefitsReevaluateSubjects,
          data: { subjectType: request.subjectType, subjectIds: result.changedIds, importId },
        });
      }
      return result;
    });
  }
}
