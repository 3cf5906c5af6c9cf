import { Injectable } from '@nestjs/common';
import { TransactionHost, Transactional } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { maskName } from '@app/gov-ids';
import { decodeCursor, toPage, type Page } from '../http/pagination.js';
import { IdNumberCipher } from '../keys/id-number-cipher.js';
import { badRequest, conflict, notFound } from '../http/problem.js';
import type { SubjectType } from '../registry/registry-records.js';
import { User } from '../users/user.entity.js';
import type { BenefitGrantStatus } from './benefit-grant.entity.js';
import type { GrantDetailView, GrantQuery } from './benefit-grant.dto.js';
import { shownSubjectKey } from './subject-facts.js';

interface GrantRow {
  id: string;
  subject_type: SubjectType;
  subject_id: string;
  period: string;
  amount: number;
  status: BenefitGrantStatus;
  granted_at: Date;
  declined_at: Date | null;
  revoked_at: Date | null;
  run_id: string | null;
  import_id: string | null;
  as_of: string;
  facts: Record<string, unknown>;
  policy_code: string;
  policy_version: number;
  policy_name: string;
  rule: string;
  variables_used: string[];
  subject_name: string;
  /** A person's sealed ID number, or an enterprise's credit code. */
  subject_key: string;
}

/** Grants with what explains them: the policy version's rule, the as-of date and the stored facts. */
const GRANT_SELECT = `
  SELECT g.id::text AS id, g.subject_type, g.subject_id::text AS subject_id, g.period, g.amount::float8 AS amount, g.status,
         g.granted_at, g.declined_at, g.revoked_at, g.run_id, g.import_id, g.as_of::text AS as_of, g.facts,
         p.code AS policy_code, v.version AS policy_version, v.name AS policy_name, v.rule, v.variables_used,
         coalesce(rp.name, re.name) AS subject_name, coalesce(rp.id_number_sealed, re.uscc) AS subject_key
    FROM benefit_grant g
    JOIN benefit_policy p ON p.id = g.policy_id
    JOIN benefit_policy_version v ON v.id = g.policy_version_id
    LEFT JOIN registry_person rp ON g.subject_type = 'person' AND rp.id = g.subject_id
    LEFT JOIN registry_enterprise re ON g.subject_type = 'enterprise' AND re.id = g.subject_id`;

export function grantView(row: GrantRow, idNumbers: IdNumberCipher): GrantDetailView {
  const person = row.subject_type === 'person';
  return {
    id: row.id,
    policyCode: row.policy_code,
    policyName: row.policy_name,
    policyVersion: row.policy_version,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    subjectName: person ? maskName(row.subject_name) : row.subject_name,
    subjectKey: shownSubjectKey(idNumbers, row.subject_type, row.subject_key),
    period: row.period,
    amount: row.amount,
    status: row.status,
    grantedAt: row.granted_at,
    declinedAt: row.declined_at,
    revokedAt: row.revoked_at,
    runId: row.run_id,
    importId: row.import_id,
    explanation: {
      rule: row.rule,
      policyCode: row.policy_code,
      policyVersion: row.policy_version,
      asOf: row.as_of,
      period: row.period,
      variablesUsed: row.variables_used,
      facts: row.facts,
      trigger: row.run_id ? 'run' : 'registry-change',
    },
  };
}

/** Conditions over GRANT_SELECT's aliases, with their parameters numbered as they are added. */
class Where {
  readonly conditions: string[] = [];
  readonly params: unknown[] = [];

  add(condition: (placeholder: string) => string, value: unknown): this {
    this.params.push(value);
    this.conditions.push(condition(`$${this.params.length}`));
    return this;
  }

  get sql(): string {
    return this.conditions.length > 0 ? `WHERE ${this.conditions.join(' AND ')}` : '';
  }
}

@Injectable()
export class BenefitGrantsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly idNumbers: IdNumberCipher,
  ) {}

  /** Grants for staff, newest first: by policy, run, status, or all grants of one person or enterprise. */
  list(query: GrantQuery): Promise<Page<GrantDetailView>> {
    const where = new Where();
    if (query.policyCode !== undefined) where.add((p) => `p.code = ${p}`, query.policyCode);
    if (query.subjectId !== undefined) where.add((p) => `g.subject_id = ${p}::bigint`, query.subjectId);
    if (query.subjectType !== undefined) where.add((p) => `g.subject_type = ${p}`, query.subjectType);
    if (query.idNumber !== undefined) where.add((p) => `g.subject_type = 'person' AND rp.id_number_hash = ANY(${p}::bytea[])`, this.idNumbers.lookupHashes(query.idNumber));
    if (query.uscc !== undefined) where.add((p) => `g.subject_type = 'enterprise' AND re.uscc = ${p}`, query.uscc);
    if (query.status !== undefined) where.add((p) => `g.status = ${p}`, query.status);
    if (query.runId !== undefined) where.add((p) => `g.run_id = ${p}::uuid`, query.runId);
    return this.page(where, query.limit ?? 50, query.cursor);
  }

  async get(id: string): Promise<GrantDetailView> {
    const [row] = await this.txHost.tx.query<GrantRow[]>(`${GRANT_SELECT} WHERE g.id = $1::bigint`, [id]);
    if (!row) throw notFound('benefit_grant.not_found', `No benefit grant with id ${id}.`);
    return grantView(row, this.idNumbers);
  }

  /** A citizen's own grants: a person's by their ID number, an enterprise account's by its company's credit code. */
  async mine(userId: string, limit: number | undefined, cursor: string | undefined): Promise<Page<GrantDetailView>> {
    const where = await this.ownedBy(userId);
    if (!where) return { items: [], nextCursor: null };
    return this.page(where, limit ?? 50, cursor);
  }

  /** Declining is the citizen's choice and final: a declined grant is never made again for its period. */
  @Transactional()
  async decline(userId: string, id: string): Promise<GrantDetailView> {
    const where = (await this.ownedBy(userId))?.add((p) => `g.id = ${p}::bigint`, id);
    const [row] = where ? await this.txHost.tx.query<GrantRow[]>(`${GRANT_SELECT} ${where.sql} FOR UPDATE OF g`, where.params) : [];
    if (!row) throw notFound('benefit_grant.not_found', `You have no benefit grant with id ${id}.`);
    if (row.status !== 'granted') throw conflict('benefit_grant.not_declinable', `This grant is ${row.status}; only a granted benefit can be declined.`);
    await this.txHost.tx.query(`UPDATE benefit_grant SET status = 'declined', declined_at = now() WHERE id = $1::bigint`, [id]);
    return this.get(id);
  }

  private async ownedBy(userId: string): Promise<Where | null> {
    const user = await this.txHost.tx.getRepository(User).findOneBy({ id: userId });
    if (user?.facts.kind === 'enterprise') {
      return user.facts.uscc ? new Where().add((p) => `g.subject_type = 'enterprise' AND re.uscc = ${p}`, user.facts.uscc) : null;
    }
    if (!user?.idNumberSealed) return null;
    return new Where().add((p) => `g.subject_type = 'person' AND rp.id_number_hash = ANY(${p}::bytea[])`, this.idNumbers.lookupHashes(this.idNumbers.open(user.idNumberSealed)));
  }

  private async page(where: Where, limit: number, cursor: string | undefined): Promise<Page<GrantDetailView>> {
    const before = decodeCursor<unknown>(cursor);
    if (before !== null) {
      if (typeof before !== 'string' || !/^\d{1,19}$/.test(before)) throw badRequest('request.invalid_cursor', 'The cursor is not one this API gave out.', [{ path: 'cursor', message: 'invalid cursor' }]);
      where.add((p) => `g.id < ${p}::bigint`, before);
    }
    const rows = await this.txHost.tx.query<GrantRow[]>(`${GRANT_SELECT} ${where.sql} ORDER BY g.id DESC LIMIT ${limit + 1}`, where.params);
    return toPage(rows, limit, (row) => grantView(row, this.idNumbers), (row) => row.id);
  }
}
