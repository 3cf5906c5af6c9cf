import { maskResidentId, maskUscc } from '@app/gov-ids';
import { completedYears } from '@app/rules';
import type { ApplicantFacts } from '../users/user.entity.js';
import type { ApplicantSnapshot } from './case.entity.js';

/** An account as a case snapshots it; `idNumber` opened from its seal by the caller, kept here masked only. */
export interface ApplicantAccount {
  displayName: string;
  idNumber: string | null;
  facts: ApplicantFacts;
}

/** The applicant as rules see them (`applicant.*`), taken once at submission and kept with the case. */
export function applicantSnapshot(user: ApplicantAccount, at: Date): ApplicantSnapshot {
  const facts = user.facts ?? {};
  const isEnterprise = facts.kind === 'enterprise';
  const birthDate = !isEnterprise && facts.birthDate ? new Date(`${facts.birthDate}T00:00:00Z`) : null;
  const identifier = isEnterprise ? (facts.uscc ?? null) : user.idNumber;
  return {
    name: isEnterprise ? (facts.companyName ?? user.displayName) : user.displayName,
    identifierMasked: identifier ? (isEnterprise ? maskUscc(identifier) : maskResidentId(identifier)) : null,
    age: birthDate ? completedYears(birthDate, at) : null,
    creditLevel: facts.creditLevel ?? null,
    hukouDistrict: (isEnterprise ? facts.registeredDistrict : facts.hukouDistrict) ?? null,
    disabilityLevel: facts.disabilityLevel ?? null,
    monthlyIncome: facts.monthlyIncome ?? null,
    isEnterprise,
  };
}

/** The values a rule reads; facts the applicant does not have are left out, so a rule using one fails visibly. */
export function applicantRuleValues(snapshot: ApplicantSnapshot): Record<string, unknown> {
  const { name: _name, identifierMasked: _id, ...facts } = snapshot;
  return Object.fromEntries(Object.entries(facts).filter(([, value]) => value !== null));
}
