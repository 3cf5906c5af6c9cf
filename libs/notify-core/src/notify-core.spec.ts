import { describe, expect, it } from 'vitest';
import { isInternalAddress } from './addresses.js';
import { mayRetry, retryDelayMs, waitingRetryPolicy } from './backoff.js';
import { sendableAt } from './quiet-hours.js';
import { signBody, verifySignature } from './signing.js';
import { SMS_LIMIT, followUps, renderNotice } from './templates.js';

describe('signing', () => {
  it('signs the body with HMAC-SHA256 in hex and verifies only the same body and secret', () => {
    // echo -n '{"a":1}' | openssl dgst -sha256 -hmac s3cret
    expect(signBody('s3cret', '{"a":1}')).toBe('sha256=5910e62016ef5034272c926c27071992a465c2335cecf41851bda071577f4f6d');
    expect(verifySignature('s3cret', '{"a":1}', signBody('s3cret', '{"a":1}'))).toBe(true);
    expect(verifySignature('s3cret', '{"a":2}', signBody('s3cret', '{"a":1}'))).toBe(false);
    expect(verifySignature('other', '{"a":1}', signBody('s3cret', '{"a":1}'))).toBe(false);
    expect(verifySignature('s3cret', '{"a":1}', undefined)).toBe(false);
  });
});

describe('retry backoff', () => {
  const policy = { maxAttempts: 5, baseDelayMs: 1_000, maxDelayMs: 10_000 };
  it('doubles per failed attempt, caps, and jitters within the upper half', () => {
    expect([1, 2, 3, 4, 5].map((a) => retryDelayMs(a, policy, 0))).toEqual([500, 1_000, 2_000, 4_000, 5_000]);
    expect([1, 2, 3, 4, 5].map((a) => retryDelayMs(a, policy, 0.999999))).toEqual([1_000, 2_000, 4_000, 8_000, 10_000]);
    for (let i = 0; i < 200; i++) {
      const attempt = 1 + (i % 6);
      const delay = retryDelayMs(attempt, policy, Math.random());
      const cap = Math.min(10_000, 1_000 * 2 ** (attempt - 1));
      expect(delay).toBeGreaterThanOrEqual(cap / 2);
      expect(delay).toBeLessThanOrEqual(cap);
    }
  });
  it('stops after the last attempt', () => {
    expect(mayRetry(4, policy)).toBe(true);
    expect(mayRetry(5, policy)).toBe(false);
  });
  it('gives a message someone waits for three quick attempts at most, never slower than the configured policy', () => {
    expect(waitingRetryPolicy({ maxAttempts: 8, baseDelayMs: 30_000, maxDelayMs: 3_600_000 })).toEqual({ maxAttempts: 3, baseDelayMs: 500, maxDelayMs: 2_000 });
    expect(waitingRetryPolicy({ maxAttempts: 2, baseDelayMs: 100, maxDelayMs: 400 })).toEqual({ maxAttempts: 2, baseDelayMs: 100, maxDelayMs: 400 });
    const waiting = waitingRetryPolicy({ maxAttempts: 8, baseDelayMs: 30_000, maxDelayMs: 3_600_000 });
    const worst = [1, 2].reduce((sum, attempt) => sum + retryDelayMs(attempt, waiting, 0.999999), 0);
    expect(worst).toBeLessThanOrEqual(2_000);
  });
});

describe('quiet hours (22:00–08:00 China time)', () => {
  const china = (text: string) => new Date(`${text}+08:00`);
  it('lets daytime messages go at once', () => {
    for (const t of ['2026-03-02T08:00:00', '2026-03-02T12:30:00', '2026-03-02T21:59:59']) expect(sendableAt(china(t))).toEqual(china(t));
  });
  it('holds evening messages till the next morning and night ones till this morning', () => {
    expect(sendableAt(china('2026-03-02T22:00:00'))).toEqual(china('2026-03-03T08:00:00'));
    expect(sendableAt(china('2026-12-31T23:30:00'))).toEqual(china('2027-01-01T08:00:00'));
    expect(sendableAt(china('2026-03-03T00:10:00'))).toEqual(china('2026-03-03T08:00:00'));
    expect(sendableAt(china('2026-03-03T07:59:59'))).toEqual(china('2026-03-03T08:00:00'));
  });
});

describe('SMS templates', () => {
  it('names the case number, the item and the next step within one segment', () => {
    const notice = renderNotice('case.correction_requested', { caseNo: 'NG20260302000123', itemName: '食品经营许可证核发' });
    expect(notice.sms).toBe('【一网通办】办件NG20260302000123（食品经营许可证核发）需补正材料，请登录一网通办查看并补交。');
    expect([...notice.sms!].length).toBeLessThanOrEqual(SMS_LIMIT);
    expect(notice.urgent).toBe(false);
  });
  it('shortens a long item name to fit 70 characters', () => {
    const itemName = '建设工程消防验收备案及城市建筑垃圾处置核准及户外广告设施设置审批';
    for (const template of ['case.case_accepted', 'case.correction_requested', 'case.certificate_issued', 'case.rating_invitation']) {
      const sms = renderNotice(template, { caseNo: 'NG20260302000123', itemName }).sms!;
      expect([...sms].length, sms).toBeLessThanOrEqual(SMS_LIMIT);
      expect(sms).toContain('NG20260302000123');
      expect(sms).toContain('建设工程');
    }
  });
  it('says what the decision means for each end status', () => {
    expect(renderNotice('case.case_finished', { caseNo: 'X1', itemName: '就业登记', status: 'rejected' }).sms).toContain('不予许可');
    expect(renderNotice('case.case_finished', { caseNo: 'X1', itemName: '就业登记', status: 'approved' }).sms).toContain('准予');
  });
  it('has no SMS for inbox-only templates, and codes are urgent', () => {
    expect(renderNotice('case.deadlines_changed', { caseNo: 'X1' }).sms).toBeNull();
    expect(renderNotice('auth.sms_code', { code: '123456' }).urgent).toBe(true);
  });
  it('invites a rating when a case finishes, not when it was withdrawn', () => {
    expect(followUps('case.case_finished', { status: 'approved' })).toEqual(['case.rating_invitation']);
    expect(followUps('case.case_finished', { status: 'withdrawn' })).toEqual([]);
  });
});

describe('internal addresses (SSRF guard)', () => {
  it('refuses loopback, private, link-local and mapped forms', () => {
    for (const a of ['127.0.0.1', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', '::', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1', 'not-an-ip']) {
      expect(isInternalAddress(a), a).toBe(true);
    }
  });
  it('allows public addresses', () => {
    for (const a of ['8.8.8.8', '172.32.0.1', '203.119.1.1', '2400:3200::1', '::ffff:8.8.8.8']) expect(isInternalAddress(a), a).toBe(false);
  });
});
