import { enterpriseLabels, explainRule, personLabels } from '@app/rules';
import { Injectable } from '@nestjs/common';
import { TransactionHost, Transactional } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { CatalogService } from '../catalog/catalog.service.js';
import { Keyset, PageQuery, type Page } from '../http/pagination.js';
import { badRequest, conflict, notFound } from '../http/problem.js';
import { BenefitPolicyVersion } from './benefit-policy-version.entity.js';
import { BenefitPolicy } from './benefit-policy.entity.js';
import type { CreatePolicyDto, CreatePolicyVersionDto, PolicyDetailView, PolicyVersionView, PolicyView, RuleValidationView, UpdatePolicyDto, ValidateRuleDto } from './benefit-policy.dto.js';
import { checkPolicyRule, insertPolicy, insertVersion } from './policy-definition.js';

const versionView = (version: BenefitPolicyVersion): PolicyVersionView => ({
  version: version.version,
  name: version.name,
  rule: version.rule,
  variablesUsed: version.variablesUsed,
  amount: Number(version.amount),
  period: version.period,
  createdAt: version.createdAt,
});

const policyView = (policy: BenefitPolicy, current: BenefitPolicyVersion): PolicyView => ({
  code: policy.code,
  subjectType: policy.subjectType,
  active: policy.active,
  departmentCode: policy.departmentCode,
  ...versionView(current),
});

/** A policy with the version in force: what runs and re-evaluations use. */
export interface PolicyInForce {
  policy: BenefitPolicy;
  version: BenefitPolicyVersion;
}

/** By code. */
const POLICY_PAGES = new Keyset('ASC', { code: { sql: 'p.code', type: 'text' } });

/** Benefit policies: created and versioned by admins, each rule checked to run exactly in SQL and in JS. */
@Injectable()
export class BenefitPoliciesService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly catalog: CatalogService,
  ) {}

  @Transactional()
  async create(dto: CreatePolicyDto, actorId: string): Promise<PolicyView> {
    const variablesUsed = this.checkRule(dto.rule, dto.subjectType);
    await this.checkDepartment(dto.departmentCode ?? null);
    await this.lockCode(dto.code);
    if (await this.txHost.tx.getRepository(BenefitPolicy).existsBy({ code: dto.code })) {
      throw conflict('benefit_policy.exists', `The policy ${dto.code} exists: add a version with POST /api/benefit-policies/${dto.code}/versions.`);
    }
    const policy = await insertPolicy(this.txHost.tx, dto, variablesUsed, actorId);
    return this.get(policy.code);
  }

  /** The save's rule check without saving: 200 with the located errors, for an editor checking as the admin types. */
  validateRule(dto: ValidateRuleDto): RuleValidationView {
    if (dto.rule.trim() === '') return { valid: false, errors: [] };
    const check = checkPolicyRule(dto.rule, dto.subjectType);
    if (!check.ok) return { valid: false, errors: check.errors };
    return { valid: true, plain: explainRule(dto.rule, dto.subjectType === 'person' ? personLabels : enterpriseLabels) };
  }

  /** A new version of the rule, amount or period; grants already made keep the version they were made under. */
  @Transactional()
  async addVersion(code: string, dto: CreatePolicyVersionDto, actorId: string): Promise<PolicyView> {
    await this.lockCode(code);
    const policy = await this.policy(code);
    const variablesUsed = this.checkRule(dto.rule, policy.subjectType);
    policy.currentVersion += 1;
    await insertVersion(this.txHost.tx, policy, policy.currentVersion, dto, variablesUsed, actorId);
    await this.txHost.tx.getRepository(BenefitPolicy).save(policy);
    return this.get(code);
  }

  @Transactional()
  async update(code: string, dto: UpdatePolicyDto): Promise<PolicyView> {
    const policy = await this.policy(code);
    if (dto.departmentCode !== undefined) {
      await this.checkDepartment(dto.departmentCode);
      policy.departmentCode = dto.departmentCode;
    }
    if (dto.active !== undefined) policy.active = dto.active;
    await this.txHost.tx.getRepository(BenefitPolicy).save(policy);
    return this.get(code);
  }

  async get(code: string): Promise<PolicyDetailView> {
    const policy = await this.policy(code);
    const versions = await this.txHost.tx.getRepository(BenefitPolicyVersion).find({ where: { policyId: policy.id }, order: { version: 'DESC' } });
    const current = versions.find((version) => version.version === policy.currentVersion)!;
    return { ...policyView(policy, current), versions: versions.map(versionView) };
  }

  async list(page: PageQuery): Promise<Page<PolicyView>> {
    const limit = page.limit ?? 50;
    const after = POLICY_PAGES.decode(page.cursor);
    const query = this.txHost.tx
      .getRepository(BenefitPolicy)
      .createQueryBuilder('p')
      .innerJoinAndMapOne('p.current', BenefitPolicyVersion, 'v', 'v.policyId = p.id AND v.version = p.currentVersion')
      .orderBy(POLICY_PAGES.orderBy)
      .limit(limit + 1);
    if (after) query.where(...POLICY_PAGES.after(after));
    const rows = (await query.getMany()) as Array<BenefitPolicy & { current: BenefitPolicyVersion }>;
    return POLICY_PAGES.page(rows, limit, (row) => policyView(row, row.current), (row) => ({ code: row.code }));
  }

  /** The policy and its current version, for a run or a re-evaluation. */
  async inForce(code: string): Promise<PolicyInForce> {
    const policy = await this.policy(code);
    const version = await this.txHost.tx.getRepository(BenefitPolicyVersion).findOneByOrFail({ policyId: policy.id, version: policy.currentVersion });
    return { policy, version };
  }

  private async policy(code: string): Promise<BenefitPolicy> {
    const policy = await this.txHost.tx.getRepository(BenefitPolicy).findOneBy({ code });
    if (!policy) throw notFound('benefit_policy.not_found', `No benefit policy with code ${code}.`);
    return policy;
  }

  private checkRule(rule: string, subjectType: CreatePolicyDto['subjectType']): string[] {
    const check = checkPolicyRule(rule, subjectType);
    if (check.ok) return check.variablesUsed;
    if (check.problem === 'invalid_rule') {
      throw badRequest('benefit_policy.invalid_rule', `The rule does not type-check against the ${subjectType} registry.`, check.errors);
    }
    throw badRequest(
      'benefit_policy.rule_not_exact_in_sql',
      'The rule uses something a grant run cannot evaluate exactly over the whole registry; it is refused rather than widened.',
      check.errors,
    );
  }

  /** Two admins saving the same code at once must not both make version n. */
  private async lockCode(code: string): Promise<void> {
    await this.txHost.tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`benefit-policy:${code}`]);
  }

  private async checkDepartment(code: string | null): Promise<void> {
    if (code !== null && !(await this.catalog.departmentExists(code))) {
      throw badRequest('benefit_policy.unknown_department', `There is no department "${code}".`, [{ path: 'departmentCode', message: 'unknown department' }]);
    }
  }
}
