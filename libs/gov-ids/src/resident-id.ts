import type { CheckResult } from './check-result.js';

export type ResidentIdCheck = CheckResult<
  { regionCode: string; birthDate: string; gender: 'M' | 'F' },
  'id.format' | 'id.region' | 'id.birth_date' | 'id.checksum'
>;

// GB/T 2260 provinces, plus 81–83 used by the residence permits of Hong Kong, Macao and Taiwan
// residents, which share the 18-character format. 71 (Taiwan) is listed in GB/T 2260 but never issued.
const PROVINCES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
  '81', '82', '83',
]);

// ISO 7064 MOD 11-2: weight of position i is 2^(17-i) mod 11.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';

/** The 18th character of a 居民身份证 number from its first 17 digits (GB 11643-1999). */
export function residentIdCheckCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('Expected the first 17 digits of a resident ID number');
  const sum = WEIGHTS.reduce((total, weight, i) => total + weight * Number(first17[i]), 0);
  return CHECK_CHARACTERS[sum % 11];
}

/**
 * Checks an 18-character 居民身份证 number: format, province, birth date (a real date, not after
 * `today`, a China date 'YYYY-MM-DD') and check character. The 17th digit is odd for men.
 */
export function checkResidentId(value: string, { today }: { today: string }): ResidentIdCheck {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new RangeError(`today must be 'YYYY-MM-DD', got ${JSON.stringify(today)}`);
  if (/^\d{17}x$/.test(value)) {
    return failure('id.format', 'The check character X must be upper-case');
  }
  if (!/^\d{17}[\dX]$/.test(value)) {
    return failure('id.format', 'A resident ID number is 17 digits followed by a digit or X');
  }
  if (!PROVINCES.has(value.slice(0, 2))) {
    return failure('id.region', `${value.slice(0, 2)} is not a province code`);
  }
  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  if (!isCalendarDate(birthDate)) return failure('id.birth_date', `${birthDate} is not a date`);
  if (birthDate > today) return failure('id.birth_date', `The birth date ${birthDate} is in the future`);
  if (residentIdCheckCharacter(value.slice(0, 17)) !== value[17]) {
    return failure('id.checksum', 'The check character does not match: a digit is probably mistyped');
  }
  return { ok: true, regionCode: value.slice(0, 6), birthDate, gender: Number(value[16]) % 2 === 1 ? 'M' : 'F' };
}

function isCalendarDate(date: string): boolean {
  const [year, month, day] = date.split('-').map(Number);
  const parsed = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 19490230 over into March, and maps years below 100 to the 1900s.
  return parsed.toISOString().slice(0, 10) === date;
}

function failure(code: Extract<ResidentIdCheck, { ok: false }>['code'], message: string): ResidentIdCheck {
  return { ok: false, code, message };
}
