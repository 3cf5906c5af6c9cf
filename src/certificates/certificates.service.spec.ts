import { describe, expect, it } from 'vitest';
import { verificationCode } from './certificates.service.js';

describe('verificationCode', () => {
  it('is four groups of four unambiguous characters', () => {
    expect(verificationCode()).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
  });

  it('encodes all 80 bits: different bytes give different codes', () => {
    expect(verificationCode(Buffer.alloc(10, 0))).toBe('0000-0000-0000-0000');
    expect(verificationCode(Buffer.alloc(10, 255))).toBe('ZZZZ-ZZZZ-ZZZZ-ZZZZ');
    expect(verificationCode(Buffer.from([0, 0, 0, 0, 0, 0, 0, 0, 0, 1]))).toBe('0000-0000-0000-0001');
  });
});
