import type { CheckResult } from './check-result.js';

export type UsccCheck = CheckResult<
  { organizationCode: string },
  'uscc.format' | 'uscc.checksum' | 'uscc.organization_code'
>;

// GB 32100-2015: digits and upper-case letters without I, O, S, V, Z; a character's value is its index.
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const FORMAT = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

// GB 11714-1997 组织机构代码: 8 characters and a check character, letters worth 10 (A) to 35 (Z).
const ORGANIZATION_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** The 18th character of a 统一社会信用代码 from its first 17 characters. */
export function usccCheckCharacter(first17: string): string {
  if (!/^[0-9A-HJ-NPQRTUWXY]{17}$/.test(first17)) throw new RangeError('Expected the first 17 characters of a USCC');
  const sum = WEIGHTS.reduce((total, weight, i) => total + weight * CHARSET.indexOf(first17[i]), 0);
  return CHARSET[(31 - (sum % 31)) % 31];
}

/** The check character of an organization code from its first 8 characters. */
export function organizationCodeCheckCharacter(first8: string): string {
  if (!/^[0-9A-Z]{8}$/.test(first8)) throw new RangeError('Expected the first 8 characters of an organization code');
  const sum = ORGANIZATION_WEIGHTS.reduce((total, weight, i) => total + weight * parseInt(first8[i], 36), 0);
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : String(check % 11);
}

/**
 * Checks a 统一社会信用代码: charset and check character. Characters 9–17 embed an organization
 * code with its own check character; checking it is optional because some issuers assigned
 * codes that fail it.
 */
export function checkUscc(value: string, { checkOrganizationCode = false } = {}): UsccCheck {
  if (!FORMAT.test(value)) {
    return failure(
      'uscc.format',
      FORMAT.test(value.toUpperCase())
        ? 'A unified social credit code is written in upper-case letters'
        : 'A unified social credit code is 18 digits or upper-case letters other than I, O, S, V and Z',
    );
  }
  if (usccCheckCharacter(value.slice(0, 17)) !== value[17]) {
    return failure('uscc.checksum', 'The check character does not match: a character is probably mistyped');
  }
  const organizationCode = value.slice(8, 17);
  if (checkOrganizationCode && organizationCodeCheckCharacter(organizationCode.slice(0, 8)) !== organizationCode[8]) {
    return failure('uscc.organization_code', `The embedded organization code ${organizationCode} is not valid`);
  }
  return { ok: true, organizationCode };
}

function failure(code: Extract<UsccCheck, { ok: false }>['code'], message: string): UsccCheck {
  return { ok: false, code, message };
}
