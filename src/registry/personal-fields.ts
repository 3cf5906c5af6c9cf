import { maskAddress, maskBirthDate, maskName, maskPhone, maskResidentId } from '@app/gov-ids';

/**
 * How staff see a registry person's identifying fields: masked, unless an admin reveals them on purpose.
 * What rules decide on (income, disability level, household size, gender) stays as it is, and so does
 * `hukouDistrict`: it names only the district, the coarsest place the rules compare.
 */
const PERSON_FIELD_MASKS: Readonly<Record<string, (value: string) => string>> = {
  idNumber: maskResidentId,
  formerIdNumber: maskResidentId,
  name: maskName,
  phone: maskPhone,
  birthDate: maskBirthDate,
};

/** A street address, under whatever name a field gets (`address`, `residenceAddress`, …). */
const ADDRESS_FIELD = /address$/i;

/** The value of a registry person's `field` as staff see it by default. */
export function maskPersonField(field: string, value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const mask = PERSON_FIELD_MASKS[field] ?? (ADDRESS_FIELD.test(field) ? maskAddress : undefined);
  return mask ? mask(value) : value;
}
