import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { rangeBoundary } from '../reporting/report-range.js';
import type { Caller } from '../auth/auth.decorators.js';
import { Keyset, type Page } from '../http/pagination.js';
import { PersonalDataAccess, type SubjectKind } from './personal-data-access.entity.js';
import type { AccessLogQuery, AccessView } from './personal-data-access.dto.js';

/** One record a reader was shown. */
export interface PersonalDataSubject {
  kind: SubjectKind;
  id: string;
}

/** Why and how a read happened. */
export interface AccessContext {
  /** The route template, e.g. `GET /api/cases/:id`. */
  purpose: string;
  requestId: string | null;
  /** Given for an explicit reveal of unmasked values: what the reader said they need them for. */
  statedPurpose: string | null;
}

const view = (row: PersonalDataAccess): AccessView => ({
  id: row.id,
  accessedAt: row.accessedAt,
  userId: row.userId,
  username: row.username,
  subjectKind: row.subjectKind,
  subjectId: row.subjectId,
  purpose: row.purpose,
  requestId: row.requestId,
  revealed: row.revealed,
  statedPurpose: row.statedPurpose,
});

/** The access log of personal data (个人信息保护法): written on staff reads, read by supervisors and admins. */
/** Newest first. */
const ACCESS_PAGES = new Keyset('DESC', { id: { sql: 'a.id', type: 'bigint' } });

@Injectable()
export class PersonalDataAccessLog {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  /**
   * One INSERT for all the records of one read, however many: a page of grants costs the same round trip
   * as one case. The statement's text and parameter count never change, so PostgreSQL plans it once.
   */
  async record(reader: Caller, subjects: readonly PersonalDataSubject[], context: AccessContext): Promise<void> {
    if (subjects.length === 0) return;
    await this.txHost.tx.query(
      `INSERT INTO personal_data_access (user_id, username, subject_kind, subject_id, purpose, request_id, revealed, stated_purpose)
       SELECT $1, $2, s.kind, s.id, $3, $4, $5, $6 FROM unnest($7::text[], $8::text[]) AS s(kind, id)`,
      [
        reader.id,
        reader.username,
        context.purpose,
        context.requestId,
        context.statedPurpose !== null,
        context.statedPurpose,
        subjects.map((s) => s.kind),
        subjects.map((s) => s.id),
      ],
    );
  }

  /** Newest first, by whatever filters are given. */
  async list(query: AccessLogQuery): Promise<Page<AccessView>> {
    const limit = query.limit ?? 50;
    const builder = this.txHost.tx.getRepository(PersonalDataAccess).createQueryBuilder('a').orderBy(ACCESS_PAGES.orderBy).take(limit + 1);
    if (query.userId !== undefined) builder.andWhere('a.userId = :userId', { userId: query.userId });
    if (query.subjectKind !== undefined) builder.andWhere('a.subjectKind = :subjectKind', { subjectKind: query.subjectKind });
    if (query.subjectId !== undefined) builder.andWhere('a.subjectId = :subjectId', { subjectId: query.subjectId });
    if (query.from !== undefined) builder.andWhere('a.accessedAt >= :from', { from: rangeBoundary(query.from, 'from', false) });
    if (query.to !== undefined) builder.andWhere('a.accessedAt < :to', { to: rangeBoundary(query.to, 'to', true) });
    const after = ACCESS_PAGES.decode(query.cursor);
    if (after) builder.andWhere(...ACCESS_PAGES.after(after));
    return ACCESS_PAGES.page(await builder.getMany(), limit, view, (row) => ({ id: row.id }));
  }
}
