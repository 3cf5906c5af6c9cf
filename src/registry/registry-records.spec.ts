import { residentIdCheckCharacter, usccCheckCharacter } from '@app/gov-ids';
import { describe, expect, it } from 'vitest';
import { validateEnterprise, validatePerson } from './registry-records.js';

const TODAY = '2026-05-01';
const id = (first17: string) => first17 + residentIdCheckCharacter(first17);
const LI_NA = id('22010219420908102');

const person = {
  idNumber: LI_NA,
  name: '李娜',
  gender: 'F',
  birthDate: '1942-09-08',
  hukouDistrict: '南关区',
  disabilityLevel: 2,
  monthlyIncome: 2350.5,
  householdSize: 2,
};

const asText = (values: Record<string, unknown>) => Object.fromEntries(Object.entries(values).map(([k, v]) => [k, String(v)]));

describe('validatePerson', () => {
  it('accepts a person from JSON Lines and from CSV text alike', () => {
    const expected = { record: { ...person, phone: null }, formerIdNumber: null };
    expect(validatePerson(person, false, TODAY)).toEqual({ ok: true, value: expected });
    expect(validatePerson(asText(person), true, TODAY)).toEqual({ ok: true, value: expected });
  });

  it('refuses an ID number with a wrong check character by its gov-ids code', () => {
    const wrong = LI_NA.slice(0, 17) + (LI_NA[17] === '0' ? '1' : '0');
    expect(validatePerson({ ...person, idNumber: wrong }, false, TODAY)).toEqual({
      ok: false,
      problems: [{ field: 'idNumber', code: 'id.checksum', message: expect.stringContaining('check character') }],
    });
  });

  it('refuses a gender or birth date the ID number contradicts', () => {
    const result = validatePerson({ ...person, gender: 'M', birthDate: '1942-09-09' }, false, TODAY);
    expect(result.ok ? [] : result.problems.map((p) => p.code)).toEqual(['person.gender_mismatch', 'person.birth_date_mismatch']);
  });

  it('lists every problem: unknown, missing, mistyped and out-of-range fields', () => {
    const { name: _name, ...rest } = person;
    const result = validatePerson({ ...rest, disabilityLevel: 5, monthlyIncome: 10.123, householdSize: '2', nickname: 'x' }, false, TODAY);
    expect(result.ok ? [] : result.problems.map((p) => `${p.field}:${p.code}`)).toEqual([
      'nickname:registry.unknown_field',
      'name:registry.required',
      'disabilityLevel:registry.invalid_value',
      'monthlyIncome:registry.invalid_value',
      'householdSize:registry.invalid_value',
    ]);
  });

  it('refuses control characters (U+0000 above all) in text, and escapes them in the names of unknown fields', () => {
    const result = validatePerson({ ...person, name: '李\u0000娜', hukouDistrict: '南关\n区', 'nick\u0000name': 'x' }, false, TODAY);
    expect(result.ok ? [] : result.problems).toEqual([
      { field: 'nick\\u0000name', code: 'registry.unknown_field', message: 'nick\\u0000name is not a registry field' },
      { field: 'name', code: 'registry.invalid_value', message: 'name must not contain control characters' },
      { field: 'hukouDistrict', code: 'registry.invalid_value', message: 'hukouDistrict must not contain control characters' },
    ]);
  });

  it('refuses CSV numbers that are not plain decimals, and text with surrounding spaces', () => {
    const result = validatePerson({ ...asText(person), monthlyIncome: '1e3', name: ' 李娜' }, true, TODAY);
    expect(result.ok ? [] : result.problems.map((p) => p.field)).toEqual(['name', 'monthlyIncome']);
  });

  it('takes a former ID number that is valid and different', () => {
    const former = id('22010219420809102');
    expect(validatePerson({ ...person, formerIdNumber: former }, false, TODAY)).toMatchObject({ ok: true, value: { formerIdNumber: former } });
    expect(validatePerson({ ...person, formerIdNumber: LI_NA }, false, TODAY)).toMatchObject({ ok: false });
  });
});

describe('validateEnterprise', () => {
  const uscc = (first17: string) => first17 + usccCheckCharacter(first17);
  const enterprise = {
    uscc: uscc('91220102MA17Q5C82'),
    name: '长春市南关区福顺餐饮有限公司',
    type: '有限责任公司（自然人独资）',
    industry: '正餐服务',
    employees: 18,
    registeredAt: '2021-06-18',
    layoffsLastYear: 0,
    socialInsuranceArrears: false,
  };

  it('accepts an enterprise, with booleans as true/false or 1/0 in CSV', () => {
    expect(validateEnterprise(enterprise, false, TODAY)).toEqual({ ok: true, value: enterprise });
    expect(validateEnterprise({ ...asText(enterprise), socialInsuranceArrears: '0' }, true, TODAY)).toEqual({ ok: true, value: enterprise });
  });

  it('refuses a credit code with a wrong check character, and a registration in the future', () => {
    const wrong = enterprise.uscc.slice(0, 17) + (enterprise.uscc[17] === '0' ? '1' : '0');
    const result = validateEnterprise({ ...enterprise, uscc: wrong, registeredAt: '2026-05-02' }, false, TODAY);
    expect(result.ok ? [] : result.problems.map((p) => p.code)).toEqual(['registry.invalid_value', 'uscc.checksum']);
  });
});
