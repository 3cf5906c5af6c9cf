import { describe, expect, it } from 'vitest';
import { maskPersonField } from './personal-fields.js';

describe('maskPersonField', () => {
  it('masks the fields that identify a person', () => {
    expect(maskPersonField('idNumber', '220102194209081022')).toBe('220***********1022');
    expect(maskPersonField('formerIdNumber', '220102194209081022')).toBe('220***********1022');
    expect(maskPersonField('name', '李娜')).toBe('李*');
    expect(maskPersonField('phone', '13756093318')).toBe('137****3318');
    expect(maskPersonField('birthDate', '1942-09-08')).toBe('1942-**-**');
    expect(maskPersonField('residenceAddress', '长春市南关区自由大路1号')).toBe('长春市南关区******');
  });

  it('leaves what rules decide on, the district, and missing values as they are', () => {
    expect(maskPersonField('monthlyIncome', 2350)).toBe(2350);
    expect(maskPersonField('disabilityLevel', 2)).toBe(2);
    expect(maskPersonField('gender', 'F')).toBe('F');
    expect(maskPersonField('hukouDistrict', '南关区')).toBe('南关区');
    expect(maskPersonField('phone', null)).toBeNull();
  });
});
