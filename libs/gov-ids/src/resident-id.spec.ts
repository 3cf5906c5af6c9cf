import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkResidentId, residentIdCheckCharacter } from './resident-id.js';

const today = '2026-11-29';
const check = (id: string) => checkResidentId(id, { today });
const withCheck = (first17: string) => first17 + residentIdCheckCharacter(first17);

describe('checkResidentId', () => {
  it('accepts the examples of GB 11643-1999 and reads birth date and gender', () => {
    expect(check('11010519491231002X')).toEqual({ ok: true, regionCode: '110105', birthDate: '1949-12-31', gender: 'F' });
    expect(check('440524188001010014')).toEqual({ ok: true, regionCode: '440524', birthDate: '1880-01-01', gender: 'M' });
  });

  it('refuses a lower-case x with a message saying so', () => {
    expect(check('11010519491231002x')).toEqual({ ok: false, code: 'id.format', message: 'The check character X must be upper-case' });
  });

  it.each([
    ['too short', '1101051949123100'],
    ['a letter inside', '1101051949A231002X'],
    ['X before the end', '110105194912310X22'],
    ['surrounding spaces', ' 11010519491231002X'],
  ])('refuses the format: %s', (_, id) => {
    expect(check(id)).toMatchObject({ ok: false, code: 'id.format' });
  });

  it('refuses a province that does not exist', () => {
    expect(check(withCheck('99010519491231002'))).toMatchObject({ ok: false, code: 'id.region' });
    expect(check(withCheck('71010519491231002'))).toMatchObject({ ok: false, code: 'id.region' });
    expect(check(withCheck('81000019900101002'))).toMatchObject({ ok: true, regionCode: '810000' });
  });

  it('refuses impossible and future birth dates', () => {
    expect(check(withCheck('11010519490230002'))).toMatchObject({ ok: false, code: 'id.birth_date', message: '1949-02-30 is not a date' });
    expect(check(withCheck('11010520010229002'))).toMatchObject({ ok: false, code: 'id.birth_date' });
    expect(check(withCheck('11010520000229002'))).toMatchObject({ ok: true, birthDate: '2000-02-29' });
    expect(check(withCheck('11010520261129002'))).toMatchObject({ ok: true, birthDate: '2026-11-29' });
    expect(check(withCheck('11010520261130002'))).toMatchObject({ ok: false, code: 'id.birth_date' });
  });

  it('refuses a wrong check character', () => {
    expect(check('110105194912310021')).toMatchObject({ ok: false, code: 'id.checksum' });
  });
});

describe('checkResidentId properties', () => {
  const provinces = ['11', '22', '31', '44', '51', '65', '82'];
  const birthDates = fc
    .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date(`${today}T00:00:00Z`), noInvalidDate: true })
    .map((date) => date.toISOString().slice(0, 10));
  const validIds = fc
    .tuple(fc.constantFrom(...provinces), fc.stringMatching(/^\d{4}$/), birthDates, fc.stringMatching(/^\d{3}$/))
    .map(([province, area, birth, sequence]) => withCheck(province + area + birth.replaceAll('-', '') + sequence));

  it('accepts generated numbers and reads them back', () => {
    fc.assert(
      fc.property(validIds, (id) => {
        expect(check(id)).toEqual({
          ok: true,
          regionCode: id.slice(0, 6),
          birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
          gender: Number(id[16]) % 2 === 1 ? 'M' : 'F',
        });
      }),
    );
  });

  it('detects any single changed character', () => {
    const replacements = fc.constantFrom(...'0123456789XxAO -');
    fc.assert(
      fc.property(validIds, fc.nat(17), replacements, (id, position, replacement) => {
        fc.pre(id[position] !== replacement);
        const changed = id.slice(0, position) + replacement + id.slice(position + 1);
        expect(check(changed).ok).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });
});
