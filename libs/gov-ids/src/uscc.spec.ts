import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkUscc, organizationCodeCheckCharacter, usccCheckCharacter } from './uscc.js';

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const withCheck = (first17: string) => first17 + usccCheckCharacter(first17);

describe('checkUscc', () => {
  // Published on the companies' own sites and in the national enterprise credit register.
  it.each(['91440300708461136T', '914403001922038216', '91330100799655058B'])('accepts %s', (code) => {
    expect(checkUscc(code, { checkOrganizationCode: true })).toEqual({ ok: true, organizationCode: code.slice(8, 17) });
  });

  it('refuses a wrong check character', () => {
    expect(checkUscc('91440300708461136U')).toMatchObject({ ok: false, code: 'uscc.checksum' });
  });

  it.each([
    ['lower case', '91440300708461136t', /upper-case/],
    ['a letter outside the charset', '9144030070846113OT', /other than I, O, S, V and Z/],
    ['17 characters', '91440300708461136', /18 digits/],
  ])('refuses the format: %s', (_, code, message) => {
    expect(checkUscc(code)).toMatchObject({ ok: false, code: 'uscc.format', message: expect.stringMatching(message) });
  });

  it('checks the embedded organization code only when asked', () => {
    const badOrganization = withCheck('91440300708461137');
    expect(checkUscc(badOrganization)).toMatchObject({ ok: true });
    expect(checkUscc(badOrganization, { checkOrganizationCode: true })).toMatchObject({ ok: false, code: 'uscc.organization_code' });
  });
});

describe('checkUscc properties', () => {
  const first17 = fc.string({ unit: fc.constantFrom(...CHARSET), minLength: 17, maxLength: 17 });

  it('detects any single changed character', () => {
    const replacements = fc.constantFrom(...CHARSET, 'I', 'O', 'S', 'V', 'Z', 'a', ' ');
    fc.assert(
      fc.property(first17, fc.nat(17), replacements, (head, position, replacement) => {
        const code = withCheck(head);
        fc.pre(code[position] !== replacement);
        expect(checkUscc(code).ok).toBe(true);
        expect(checkUscc(code.slice(0, position) + replacement + code.slice(position + 1)).ok).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it('accepts a code whose organization code carries its own check character', () => {
    const body = fc.string({ unit: fc.constantFrom(...CHARSET), minLength: 8, maxLength: 8 });
    fc.assert(
      fc.property(fc.constantFrom('91', '51', '12', 'Y1'), fc.stringMatching(/^\d{6}$/), body, (prefix, region, organization) => {
        const code = withCheck(prefix + region + organization + organizationCodeCheckCharacter(organization));
        expect(checkUscc(code, { checkOrganizationCode: true })).toMatchObject({ ok: true });
      }),
    );
  });
});
