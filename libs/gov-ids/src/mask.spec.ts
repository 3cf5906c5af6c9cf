import { describe, expect, it } from 'vitest';
import { maskName, maskPhone, maskResidentId, maskUscc } from './mask.js';

describe('masks', () => {
  it('keeps the first three and last four characters of an ID number', () => {
    expect(maskResidentId('11010519491231002X')).toBe('110***********002X');
  });

  it('keeps the first and last four characters of a USCC', () => {
    expect(maskUscc('91440300708461136T')).toBe('9144**********136T');
  });

  it('keeps the first three and last four digits of a phone number', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
  });

  it.each([
    ['张三', '张*'],
    ['张小三', '张*三'],
    ['欧阳小明', '欧**明'],
    ['王𠮷祥', '王*祥'],
    ['李', '*'],
  ])('masks the name %s as %s', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });

  it('masks a value too short to keep both ends entirely', () => {
    expect(maskPhone('1234567')).toBe('*******');
    expect(maskResidentId('')).toBe('');
  });
});
