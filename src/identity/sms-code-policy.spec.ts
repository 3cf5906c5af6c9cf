import { describe, expect, it } from 'vitest';
import { MOBILE_PHONE, SMS_CODE_POLICY, checkCode, newSmsCode, sendRefusal } from './sms-code-policy.js';

describe('SMS registration codes', () => {
  it('are six digits, leading zeros kept', () => {
    for (let i = 0; i < 200; i++) expect(newSmsCode()).toMatch(/^\d{6}$/);
  });

  it('accept mainland mobile numbers only', () => {
    expect(MOBILE_PHONE.test('13912345678')).toBe(true);
    expect(MOBILE_PHONE.test('12912345678')).toBe(false);
    expect(MOBILE_PHONE.test('1391234567')).toBe(false);
  });

  it('go out once a minute, five times an hour per phone, twenty per address', () => {
    expect(sendRefusal([], [])).toBeNull();
    expect(sendRefusal([30], [30])).toEqual({ code: 'auth.sms_code_too_soon', retryAfterSeconds: 30 });
    expect(sendRefusal([61, 200, 300, 400], [])).toBeNull();
    expect(sendRefusal([61, 200, 300, 400, 3000], [])).toEqual({ code: 'auth.sms_code_phone_limit', retryAfterSeconds: 600 });
    expect(sendRefusal([61, 200, 300, 400, 3700], [])).toBeNull();
    const busy = Array.from({ length: SMS_CODE_POLICY.perAddressPerHour }, (_, i) => 100 + i);
    expect(sendRefusal([], busy)?.code).toBe('auth.sms_code_address_limit');
  });

  it('answer right, wrong, spent after five wrong tries, expired after five minutes', () => {
    const now = new Date('2026-12-06T00:00:00Z');
    const later = new Date(now.getTime() + 1000);
    expect(checkCode(null, now)).toBe('none');
    expect(checkCode({ matches: true, attempts: 0, expiresAt: later }, now)).toBe('ok');
    expect(checkCode({ matches: false, attempts: 4, expiresAt: later }, now)).toBe('wrong');
    expect(checkCode({ matches: true, attempts: 5, expiresAt: later }, now)).toBe('spent');
    expect(checkCode({ matches: true, attempts: 0, expiresAt: now }, now)).toBe('expired');
  });
});
