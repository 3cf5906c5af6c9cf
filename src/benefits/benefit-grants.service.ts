import { enterpriseLabels, explainFacts, explainRule, personLabels } from '@app/rules';
import { Injectable } from '@nestjs/common';
import { TransactionHost, Transactional } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { maskName } from '@app/gov-ids';
import { Keyset, type Page, type PositionOf } from '../http/pagination.js';
import { conflict, notFound } from '../http/problem.js';
import { IdNumberCipher } from '../keys/id-number-cipher.js';
import type { SubjectType } from '../registry/registry-records.js';
import { UsersService } from '../users/users.service.js';
import type { BenefitGrantStatus } from './benefit-grant.entity.js';
import type { GrantDetailView, GrantQuery } from './benefit-grant.dto.js';
import { maskedFacts, shownSubjectKey } from './subject-facts.js';

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

/**
 * How much of the person behind a grant a reader sees. Staff: names, numbers and identifying facts masked.
 * The holder: their own facts, the name and number masked as on any screen. An admin's explicit reveal:
 * everything, and it is recorded with the purpose stated.
 */
export type Disclosure = 'staff' | 'holder' | 'revealed';

export function grantView(row: GrantRow, disclosure: Disclosure, idNumbers: IdNumberCipher): GrantDetailView {
  const person = row.subject_type === 'person';
  const whole = disclosure === 'revealed';
  const shownFacts = disclosure === 'staff' ? maskedFacts(row.facts) : row.facts;
  const labels = person ? personLabels : enterpriseLabels;
  return {
    id: row.id,
    policyCode: row.policy_code,
    policyName: row.policy_name,
    policyVersion: row.policy_version,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    // An enterprise's name is public; its credit code is masked on screens all the same.
    subjectName: person && !whole ? maskName(row.subject_name) : row.subject_name,
    subjectKey: !whole ? shownSubjectKey(idNumbers, row.subject_type, row.subject_key) : person ? idNumbers.open(row.subject_key) : row.subject_key,
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
      facts: shownFacts,
      trigger: row.run_id ? 'run' : 'registry-change',
      // The same in words, for people: from the rule's syntax tree and the registry fields' labels.
      plain: { rule: explainRule(row.rule, labels), facts: explainFacts(shownFacts, labels) },
    },
    revealed: whole,
  };
}

/** Conditions over GRANT_SELECT's aliases, with their parameters numbered as they are added. */
class Where {
  readonly conditions: string[] = [];
  readonly params: unknown[] = [];

  /** Adds a value to the parameters and answers its placeholder. */
  readonly bind = (value: unknown): string => `$${this.params.push(value)}`;

  add(condition: (placeholder: string) => string, value: unknown): this {
    this.conditions.push(condition(this.bind(value)));
    return this;
  }

  get sql(): string {
    return this.conditions.length > 0 ? `WHERE ${this.conditions.join(' AND ')}` : '';
  }
}

/** Newest first. */
const GRANT_PAGES = new Keyset('DESC', { id: { sql: 'g.id', type: 'bigint' } });

@Injectable()
export class BenefitGrantsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly idNumbers: IdNumberCipher,
    private readonly users: UsersService,
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
    return this.page(where, query.limit ?? 50, GRANT_PAGES.decode(query.cursor), 'staff');
  }

  /** One grant; `revealed` only for an admin who stated a purpose (the controller records it). */
  async get(id: string, disclosure: Disclosure): Promise<GrantDetailView> {
    const [row] = await this.txHost.tx.query<GrantRow[]>(`${GRANT_SELECT} WHERE g.id = $1::bigint`, [id]);
    if (!row) throw notFound('benefit_grant.not_found', `No benefit grant with id ${id}.`);
    return grantView(row, disclosure, this.idNumbers);
  }

  /** A citizen's own grants: a person's by their ID number, an enterprise account's by its company's credit code. */
  async mine(userId: string, limit: number | undefined, cursor: string | undefined): Promise<Page<GrantDetailView>> {
    const before = GRANT_PAGES.decode(cursor);
    const where = await this.ownedBy(userId);
    if (!where) return { items: [], nextCursor: null };
    return this.page(where, limit ?? 50, before, 'holder');
  }

  /** Declining is the citizen's choice and final: a declined grant is never made again for its period. */
  @Transactional()
  async decline(userId: string, id: string): Promise<GrantDetailView> {
    const where = (await this.ownedBy(userId))?.add((p) => `g.id = ${p}::bigint`, id);
    const [row] = where ? await this.txHost.tx.query<GrantRow[]>(`${GRANT_SELECT} ${where.sql} FOR UPDATE OF g`, where.params) : [];
    if (!row) throw notFound('benefit_grant.not_found', `You have no benefit grant with id ${id}.`);
    if (row.status !== 'granted') throw conflict('benefit_grant.not_declinable', `This grant is ${row.status}; only a granted benefit can be declined.`);
    await this.txHost.tx.query(`UPDATE benefit_grant SET status = 'declined', declined_at = now() WHERE id = $1::bigint`, [id]);
    return this.get(id, 'holder');
  }

  private async ownedBy(userId: string): Promise<Where | null> {
    const user = await this.users.account(userId);
    if (user?.facts.kind === 'enterprise') {
      return user.facts.uscc ? new Where().add((p) => `g.subject_type = 'enterprise' AND re.uscc = ${p}`, user.facts.uscc) : null;
    }
    if (!user?.idNumberSealed) return null;
    return new Where().add((p) => `g.subject_type = 'person' AND rp.id_number_hash = ANY(${p}::bytea[])`, this.idNumbers.lookupHashes(this.idNumbers.open(user.idNumberSealed)));
  }

  private async page(where: Where, limit: number, before: PositionOf<typeof GRANT_PAGES> | null, disclosure: Disclosure): Promise<Page<GrantDetailView>> {
    if (before) where.conditions.push(GRANT_PAGES.afterSql(before, where.bind));
    const rows = await this.txHost.tx.query<GrantRow[]>(`${GRANT_SELECT} ${where.sql} ORDER BY ${GRANT_PAGES.orderBySql} LIMIT ${limit + 1}`, where.params);
    return GRANT_PAGES.page(rows, limit, (row) => grantView(row, disclosure, this.idNumbers), (row) => ({ id: row.id }));
  }
}
