import { Injectable } from '@nestjs/common';
import { TransactionHost, Transactional } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { maskName } from '@app/gov-ids';
import type { Caller } from '../auth/auth.decorators.js';
import { Keyset, type Page } from '../http/pagination.js';
import { conflict, notFound } from '../http/problem.js';
import { IdNumberCipher } from '../keys/id-number-cipher.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import type { SubjectType } from '../registry/registry-records.js';
import { maskedFacts, shownSubjectKey, subjectFacts } from './subject-facts.js';
import type { ResolveReviewDto, ReviewQuery, ReviewView } from './benefit-review.dto.js';

interface ReviewRow {
  id: string;
  grant_id: string;
  policy_code: string;
  policy_name: string;
  department_code: string | null;
  subject_type: SubjectType;
  subject_id: string;
  subject_name: string;
  /** A person's sealed ID number, or an enterprise's credit code. */
  subject_key: string;
  period: string;
  reason: string;
  facts: Record<string, unknown>;
  import_id: string | null;
  status: string;
  created_at: Date;
  resolved_at: Date | null;
  resolved_by: string | null;
  note: string | null;
  /** created_at to the microsecond: a JS Date would cut it to milliseconds and make the cursor skip rows. */
  cursor_at: string;
}

const REVIEW_SELECT = `
  SELECT r.id, r.grant_id::text AS grant_id, p.code AS policy_code, v.name AS policy_name, p.department_code,
         r.subject_type, r.subject_id::text AS subject_id, coalesce(rp.name, re.name) AS subject_name,
         coalesce(rp.id_number_sealed, re.uscc) AS subject_key, g.period, r.reason, r.facts, r.import_id, r.status,
         r.created_at, r.resolved_at, r.resolved_by, r.note,
         to_char(r.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_at
    FROM benefit_review r
    JOIN benefit_grant g ON g.id = r.grant_id
    JOIN benefit_policy p ON p.id = r.policy_id
    JOIN benefit_policy_version v ON v.policy_id = p.id AND v.version = p.current_version
    LEFT JOIN registry_person rp ON r.subject_type = 'person' AND rp.id = r.subject_id
    LEFT JOIN registry_enterprise re ON r.subject_type = 'enterprise' AND re.id = r.subject_id`;

/** Oldest first. */
const REVIEW_PAGES = new Keyset('ASC', { createdAt: { sql: 'r.created_at', type: 'timestamp' }, id: { sql: 'r.id', type: 'uuid' } });

const reviewView = (row: ReviewRow, idNumbers: IdNumberCipher): ReviewView => ({
  id: row.id,
  grantId: row.grant_id,
  policyCode: row.policy_code,
  policyName: row.policy_name,
  subjectType: row.subject_type,
  subjectId: row.subject_id,
  subjectName: row.subject_type === 'person' ? maskName(row.subject_name) : row.subject_name,
  subjectKey: shownSubjectKey(idNumbers, row.subject_type, row.subject_key),
  period: row.period,
  reason: row.reason,
  facts: maskedFacts(row.facts),
  importId: row.import_id,
  status: row.status,
  createdAt: row.created_at,
  resolvedAt: row.resolved_at,
  resolvedBy: row.resolved_by,
  note: row.note,
});

/**
 * Grants whose subjects stopped qualifying, for clerks to decide: keep the grant, or revoke it. A clerk
 * sees the reviews of their department's policies; admins and supervisors see all.
 */
@Injectable()
export class BenefitReviewsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly notifications: NotificationsService,
    private readonly idNumbers: IdNumberCipher,
  ) {}

  async list(caller: Caller, query: ReviewQuery): Promise<Page<ReviewView>> {
    const conditions = ['r.status = $1'];
    const params: unknown[] = [query.status ?? 'open'];
    if (query.policyCode !== undefined) conditions.push(`p.code = $${params.push(query.policyCode)}`);
    const scope = this.departmentScope(caller);
    if (scope !== null) conditions.push(`p.department_code = $${params.push(scope)}`);
    const after = REVIEW_PAGES.decode(query.cursor);
    if (after) conditions.push(REVIEW_PAGES.afterSql(after, (value) => `$${params.push(value)}`));
    const limit = query.limit ?? 50;
    const rows = await this.txHost.tx.query<ReviewRow[]>(
      `${REVIEW_SELECT} WHERE ${conditions.join(' AND ')} ORDER BY ${REVIEW_PAGES.orderBySql} LIMIT ${limit + 1}`,
      params,
    );
    return REVIEW_PAGES.page(rows, limit, (row) => reviewView(row, this.idNumbers), (row) => ({ createdAt: row.cursor_at, id: row.id }));
  }

  /** Keeps or revokes the grant; revoking tells the holder. A review is decided once. */
  @Transactional()
  async resolve(caller: Caller, id: string, dto: ResolveReviewDto): Promise<ReviewView> {
    const [row] = await this.txHost.tx.query<ReviewRow[]>(`${REVIEW_SELECT} WHERE r.id = $1 FOR UPDATE OF r`, [id]);
    const scope = this.departmentScope(caller);
    if (!row || (scope !== null && row.department_code !== scope)) throw notFound('benefit_review.not_found', `No benefit review with id ${id}.`);
    if (row.status !== 'open') throw conflict('benefit_review.resolved', `This review was already decided (${row.status}).`);
    const status = dto.decision === 'keep' ? 'kept' : 'revoked';
    await this.txHost.tx.query(`UPDATE benefit_review SET status = $2, resolved_at = now(), resolved_by = $3, note = $4 WHERE id = $1`, [
      id,
      status,
      caller.id,
      dto.note ?? null,
    ]);
    if (status === 'revoked') await this.revoke(row);
    const [updated] = await this.txHost.tx.query<ReviewRow[]>(`${REVIEW_SELECT} WHERE r.id = $1`, [id]);
    return reviewView(updated, this.idNumbers);
  }

  private async revoke(row: ReviewRow): Promise<void> {
    await this.txHost.tx.query(`UPDATE benefit_grant SET status = 'revoked', revoked_at = now() WHERE id = $1::bigint AND status = 'granted'`, [row.grant_id]);
    const subject = subjectFacts(row.subject_type);
    const holders = await this.txHost.tx.query<Array<{ id: string }>>(
      `SELECT u.id FROM ${subject.table.table} s JOIN app_user u ON ${subject.accountJoin(subject.holderKey)} WHERE s.id = $1::bigint`,
      [row.subject_id],
    );
    await this.notifications.notify(
      ...holders.map((holder) => ({
        recipientId: holder.id,
        template: 'benefit.revoked',
        data: { grantId: row.grant_id, policyCode: row.policy_code, policyName: row.policy_name, period: row.period },
      })),
    );
  }

  /** The department a clerk is confined to; null for admins and supervisors, who see every policy's reviews. */
  private departmentScope(caller: Caller): string | null {
    if (caller.roles.includes('admin') || caller.roles.includes('supervisor')) return null;
    return caller.departmentCode ?? '';
  }
}
