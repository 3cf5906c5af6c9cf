import type { RegistryPerson } from '../registry/registry-person.entity.js';
import type { ApplicantFacts } from '../users/user.entity.js';

/** The facts a registered person's rules read: the registry's when they are in it, else what the ID number says. */
export function personFacts(parsed: { gender: 'M' | 'F'; birthDate: string }, phone: string | null, registry: RegistryPerson | null): ApplicantFacts {
  const facts: ApplicantFacts = { kind: 'person', gender: parsed.gender, birthDate: parsed.birthDate };
  if (phone) facts.phone = phone;
  if (registry) {
    Object.assign(facts, {
      gender: registry.gender,
      birthDate: registry.birthDate,
      hukouDistrict: registry.hukouDistrict,
      disabilityLevel: registry.disabilityLevel,
      monthlyIncome: Number(registry.monthlyIncome),
      householdSize: registry.householdSize,
    });
  }
  return facts;
}
