import { randomInt } from 'node:crypto';
import { residentIdCheckCharacter, usccCheckCharacter } from '@app/gov-ids';

/** Registry lines for tests: valid, random ID numbers and credit codes, so test files never collide. */

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** A valid ID number of someone born on `birthDate` (a random day of `year` when only the year is given). */
export function idNumberOf(gender: 'M' | 'F', birth: number | string): { idNumber: string; birthDate: string } {
  const birthDate = typeof birth === 'string' ? birth : `${birth}-${pad(randomInt(1, 13))}-${pad(randomInt(1, 29))}`;
  const serial = randomInt(0, 500) * 2 + (gender === 'M' ? 1 : 0);
  const first17 = `220102${birthDate.replaceAll('-', '')}${pad(serial, 3)}`;
  return { idNumber: first17 + residentIdCheckCharacter(first17), birthDate };
}

export function usccOf(): string {
  const first17 = `91220102${Array.from({ length: 9 }, () => '0123456789ABCDEFGHJKLMNPQRTUWXY'[randomInt(31)]).join('')}`;
  return first17 + usccCheckCharacter(first17);
}

export type PersonLine = Record<string, unknown> & { idNumber: string; birthDate: string; gender: string };

export function personLine(overrides: Record<string, unknown> = {}): PersonLine {
  const gender = (overrides.gender as 'M' | 'F' | undefined) ?? (randomInt(2) === 0 ? 'M' : 'F');
  return {
    ...idNumberOf(gender, (overrides.birthDate as string | undefined) ?? randomInt(1930, 2005)),
    name: '测试人',
    gender,
    hukouDistrict: '南关区',
    disabilityLevel: 0,
    monthlyIncome: 3000,
    householdSize: 2,
    ...overrides,
  };
}

export function enterpriseLine(overrides: Record<string, unknown> = {}): Record<string, unknown> & { uscc: string } {
  return {
    uscc: usccOf(),
    name: '长春市南关区测试科技有限公司',
    type: '有限责任公司（自然人独资）',
    industry: '软件和信息技术服务业',
    employees: 12,
    registeredAt: '2019-04-01',
    layoffsLastYear: 0,
    socialInsuranceArrears: false,
    ...overrides,
  };
}

export const PERSON_COLUMNS = ['idNumber', 'name', 'gender', 'birthDate', 'hukouDistrict', 'disabilityLevel', 'monthlyIncome', 'householdSize', 'phone'];
export const ENTERPRISE_COLUMNS = ['uscc', 'name', 'type', 'industry', 'employees', 'registeredAt', 'layoffsLastYear', 'socialInsuranceArrears'];

export function csv(rows: Array<Record<string, unknown>>, columns = PERSON_COLUMNS, newline = '\n'): string {
  const field = (value: unknown) => {
    const text = value === undefined || value === null ? '' : String(value);
    return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return [columns.join(','), ...rows.map((row) => columns.map((c) => field(row[c])).join(','))].join(newline) + newline;
}

export const jsonl = (rows: unknown[]) => rows.map((row) => (typeof row === 'string' ? row : JSON.stringify(row))).join('\n');
