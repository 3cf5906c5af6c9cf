import type { EntityManager } from 'typeorm';
import { BenefitPolicy } from '../benefit-policy.entity.js';
import { checkPolicyRule, insertPolicy, type PolicyInput } from '../policy-definition.js';

/**
 * The 免申即享 policies of the reference district, simplified to the registry's fields. Amounts are
 * illustrative; the rules carry the conditions the district checks from the registry alone.
 */
export const seedBenefitPolicies: readonly PolicyInput[] = [
  {
    code: 'elderly-allowance',
    name: '高龄津贴（80周岁以上）',
    subjectType: 'person',
    rule: "person.age >= 80 && person.hukouDistrict == '南关区'",
    amount: 100,
    period: 'monthly',
    departmentCode: 'civil-affairs',
  },
  {
    // 重度残疾人护理补贴 for levels 1–2; 困难残疾人生活补贴 for any level in a low-income household.
    code: 'disability-subsidies',
    name: '残疾人两项补贴（困难残疾人生活补贴和重度残疾人护理补贴）',
    subjectType: 'person',
    rule: "person.hukouDistrict == '南关区' && person.disabilityLevel >= 1 && (person.disabilityLevel <= 2 || person.monthlyIncome < 1000.0)",
    amount: 90,
    period: 'monthly',
    departmentCode: 'civil-affairs',
  },
  {
    code: 'job-retention-refund',
    name: '失业保险稳岗返还',
    subjectType: 'enterprise',
    rule: 'enterprise.employees >= 1 && enterprise.layoffsLastYear == 0 && !enterprise.socialInsuranceArrears',
    amount: 3000,
    period: 'yearly',
    departmentCode: 'human-resources',
  },
  {
    code: 'tech-sme-award',
    name: '科技型中小企业入库奖励',
    subjectType: 'enterprise',
    rule:
      "enterprise.industry in ['软件和信息技术服务业', '科技推广和应用服务业', '研究和试验发展'] && " +
      'enterprise.employees <= 500 && enterprise.yearsSinceRegistration >= 1 && !enterprise.socialInsuranceArrears',
    amount: 10000,
    period: 'once',
    departmentCode: 'government-services',
  },
];

/** Adds the seed policies that do not exist yet; a policy an admin has since changed is left alone. */
export async function seedBenefits(manager: EntityManager): Promise<{ policiesCreated: number }> {
  let policiesCreated = 0;
  for (const input of seedBenefitPolicies) {
    // The same lock as an admin creating the code: two seeds at once must not both insert it.
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`benefit-policy:${input.code}`]);
    if (await manager.getRepository(BenefitPolicy).existsBy({ code: input.code })) continue;
    const check = checkPolicyRule(input.rule, input.subjectType);
    if (!check.ok) throw new Error(`Seed policy ${input.code} is invalid: ${check.errors.map((e) => e.message).join('; ')}`);
    await insertPolicy(manager, input, check.variablesUsed, null);
    policiesCreated++;
  }
  return { policiesCreated };
}
