import { chinaDate } from '@app/business-calendar';
import { Injectable } from '@nestjs/common';
import { TransactionHost, Transactional } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { compileRule, RuleEvaluationError, type CompiledRule } from '@app/rules';
import { NotificationsService } from '../notifications/notifications.service.js';
import { WebhooksService } from '../webhooks/webhooks.service.js';
import { JobName, type JobPayloads } from '../queue/queue-names.js';
import { ClockService } from '../time/clock.service.js';
import { periodKey, type BenefitPeriod } from './benefit-period.js';
import { selectSubject, shownFacts, subjectFacts, type SubjectFacts } from './subject-facts.js';

interface ActivePolicy {
  policy_id: string;
  code: string;
  version_id: string;
  name: string;
  rule: string;
  amount: string;
  period: BenefitPeriod;
}

interface NewGrant {
  policy: ActivePolicy;
  period: string;
  subjectId: string;
  facts: Record<string, unknown>;
}

interface NewReview {
  grantId: string;
  policyId: string;
  subjectId: string;
  reason: 'no_longer_eligible' | 'rule_failed';
  facts: Record<string, unknown>;
}

export interface ReevaluationResult {
  granted: number;
  flagged: number;
}

/**
 * Re-evaluates subjects a registry import created or changed against the active policies of their
 * registry, one subject at a time with the JS evaluator: grants what became due for the current period,
 * and lists for a clerk's review every current grant whose subject no longer qualifies. Nothing is ever
 * taken back here. Grants and reviews are unique, so a repeated job changes nothing.
 */
@Injectable()
export class BenefitReevaluationService {
  /** Policy versions never change, so a compiled rule is good for as long as the process lives. */
  private readonly rules = new Map<string, CompiledRule>();

  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly notifications: NotificationsService,
    private readonly webhooks: WebhooksService,
    private readonly clock: ClockService,
  ) {}

  @Transactional()
  async reevaluate({ subjectType, subjectIds, importId }: JobPayloads[JobName.BenefitsReevaluateSubjects]): Promise<ReevaluationResult> {
    const policies = await this.txHost.tx.query<ActivePolicy[]>(
      `SELECT p.id AS policy_id, p.code, v.id AS version_id, v.name, v.rule, v.amount::text AS amount, v.period
         FROM benefit_policy p JOIN benefit_policy_version v ON v.policy_id = p.id AND v.version = p.current_version
        WHERE p.active AND p.subject_type = $1 ORDER BY p.code`,
      [subjectType],
    );
    if (policies.length === 0 || subjectIds.length === 0) return { granted: 0, flagged: 0 };

    const subject = subjectFacts(subjectType);
    const asOf = chinaDate(this.clock.now());
    const periods = policies.map((policy) => periodKey(policy.period, asOf));
    const subjects = await this.txHost.tx.query<Array<Record<string, unknown> & { id: string }>>(
      `SELECT ${selectSubject(subject)} FROM ${subject.table.table} s WHERE s.id = ANY($1::bigint[])`,
      [subjectIds],
    );
    const current = await this.currentGrants(policies, periods, subjectIds);

    const grants: NewGrant[] = [];
    const reviews: NewReview[] = [];
    for (const row of subjects) {
      const values = subject.values(row, asOf);
      policies.forEach((policy, i) => {
        const rule = this.rule(policy, subject);
        let eligible = false;
        let failed = false;
        try {
          eligible = rule.evaluate(values) === true;
        } catch (error) {
          // A rule that fails on these facts (a missing one) grants nothing, exactly as its SQL yields NULL.
          if (!(error instanceof RuleEvaluationError)) throw error;
          failed = true;
        }
        const facts = shownFacts(values, rule.variablesUsed);
        const grant = current.get(`${policy.policy_id}:${row.id}`);
        if (eligible && !grant) grants.push({ policy, period: periods[i], subjectId: row.id, facts });
        if (!eligible && grant?.status === 'granted') {
          reviews.push({ grantId: grant.id, policyId: policy.policy_id, subjectId: row.id, reason: failed ? 'rule_failed' : 'no_longer_eligible', facts });
        }
      });
    }
    const granted = await this.grant(subject, grants, asOf, importId);
    const flagged = await this.flag(subject, reviews, importId);
    return { granted, flagged };
  }

  private rule(policy: ActivePolicy, subject: SubjectFacts): CompiledRule {
    let rule = this.rules.get(policy.version_id);
    if (!rule) {
      rule = compileRule(policy.rule, subject.declarations, { expect: 'bool' });
      this.rules.set(policy.version_id, rule);
    }
    return rule;
  }

  /** This period's grants of the policies to the subjects, whatever their status (a declined one is not made again). */
  private async currentGrants(policies: ActivePolicy[], periods: string[], subjectIds: string[]) {
    const rows = await this.txHost.tx.query<Array<{ id: string; policy_id: string; subject_id: string; status: string }>>(
      `SELECT g.id::text AS id, g.policy_id, g.subject_id::text AS subject_id, g.status
         FROM benefit_grant g JOIN unnest($1::uuid[], $2::text[]) AS k(policy_id, period) ON g.policy_id = k.policy_id AND g.period = k.period
        WHERE g.subject_id = ANY($3::bigint[])`,
      [policies.map((policy) => policy.policy_id), periods, subjectIds],
    );
    return new Map(rows.map((row) => [`${row.policy_id}:${row.subject_id}`, row]));
  }

  private async grant(subject: SubjectFacts, grants: NewGrant[], asOf: string, importId: string): Promise<number> {
    if (grants.length === 0) return 0;
    const inserted = await this.txHost.tx.query<Array<{ id: string; policy_id: string }>>(
      `INSERT INTO benefit_grant (policy_id, policy_version_id, subject_type, subject_id, period, amount, import_id, as_of, facts)
       SELECT n.policy_id, n.version_id, $1, n.subject_id, n.period, n.amount, $2::uuid, $3::date, n.facts
         FROM unnest($4::uuid[], $5::uuid[], $6::bigint[], $7::text[], $8::numeric[], $9::jsonb[]) AS n(policy_id, version_id, subject_id, period, amount, facts)
       ON CONFLICT (policy_id, subject_id, period) DO NOTHING
       RETURNING id::text AS id, policy_id`,
      [
        subject.subjectType,
        importId,
        asOf,
        grants.map((g) => g.policy.policy_id),
        grants.map((g) => g.policy.version_id),
        grants.map((g) => g.subjectId),
        grants.map((g) => g.period),
        grants.map((g) => g.policy.amount),
        grants.map((g) => JSON.stringify(g.facts)),
      ],
    );
    await this.notifyHolders(subject, inserted.map((row) => row.id));
    return inserted.length;
  }

  private async notifyHolders(subject: SubjectFacts, grantIds: string[]): Promise<void> {
    if (grantIds.length === 0) return;
    const recipients = await this.txHost.tx.query<Array<{ grant_id: string; user_id: string; code: string; name: string; amount: number; period: string }>>(
      `SELECT g.id::text AS grant_id, u.id AS user_id, p.code, v.name, g.amount::float8 AS amount, g.period
         FROM benefit_grant g
         JOIN benefit_policy p ON p.id = g.policy_id
         JOIN benefit_policy_version v ON v.id = g.policy_version_id
         JOIN ${subject.table.table} s ON s.id = g.subject_id
         JOIN app_user u ON ${subject.accountJoin(subject.holderKey)}
        WHERE g.id = ANY($1::bigint[])`,
      [grantIds],
    );
    await this.notifications.notify(
      ...recipients.map((r) => ({
        recipientId: r.user_id,
        template: 'benefit.granted',
        data: { grantId: r.grant_id, policyCode: r.code, policyName: r.name, amount: r.amount, period: r.period },
      })),
    );
    await this.webhooks.publishMany(
      'grant.created',
      recipients.map((r) => ({ orderKey: `grant:${r.grant_id}`, data: { grantId: r.grant_id, policyCode: r.code, amount: r.amount, period: r.period } })),
    );
  }

  private async flag(subject: SubjectFacts, reviews: NewReview[], importId: string): Promise<number> {
    if (reviews.length === 0) return 0;
    const inserted = await this.txHost.tx.query<Array<{ id: string }>>(
      `INSERT INTO benefit_review (grant_id, policy_id, subject_type, subject_id, reason, facts, import_id)
       SELECT r.grant_id, r.policy_id, $1, r.subject_id, r.reason, r.facts, $2::uuid
         FROM unnest($3::bigint[], $4::uuid[], $5::bigint[], $6::text[], $7::jsonb[]) AS r(grant_id, policy_id, subject_id, reason, facts)
       ON CONFLICT (grant_id) WHERE status = 'open' DO NOTHING
       RETURNING id`,
      [
        subject.subjectType,
        importId,
        reviews.map((r) => r.grantId),
        reviews.map((r) => r.policyId),
        reviews.map((r) => r.subjectId),
        reviews.map((r) => r.reason),
        reviews.map((r) => JSON.stringify(r.facts)),
      ],
    );
    return inserted.length;
  }
}
