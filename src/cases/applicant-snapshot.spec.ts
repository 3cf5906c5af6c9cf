import { describe, expect, it } from 'vitest';
import { applicantRuleValues, applicantSnapshot } from './applicant-snapshot.js';

describe('applicantSnapshot', () => {
  it('derives age at the submission date and masks the ID number', () => {
    const snapshot = applicantSnapshot(
      { displayName: '李娜', idNumber: '220102194209081022', facts: { kind: 'person', birthDate: '1942-09-08', hukouDistrict: '南关区', creditLevel: 'A' } },
      new Date('2026-09-07T12:00:00Z'),
    );
    expect(snapshot).toMatchObject({ name: '李娜', age: 83, hukouDistrict: '南关区', isEnterprise: false });
    expect(snapshot.identifierMasked).toBe('220***********1022');
    expect(applicantRuleValues(snapshot)).toEqual({ age: 83, creditLevel: 'A', hukouDistrict: '南关区', isEnterprise: false });
  });

  it('reads an enterprise account as the company', () => {
    const snapshot = applicantSnapshot(
      { displayName: '刘洋', idNumber: null, facts: { kind: 'enterprise', companyName: '福顺餐饮', uscc: '91220102MA17Q5C827', registeredDistrict: '南关区', creditLevel: 'B' } },
      new Date('2026-11-29T00:00:00Z'),
    );
    expect(snapshot).toMatchObject({ name: '福顺餐饮', isEnterprise: true, hukouDistrict: '南关区', age: null });
    expect(snapshot.identifierMasked).toMatch(/^9122\*+C827$/);
  });
});
