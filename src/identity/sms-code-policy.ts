import { randomInt } from 'node:crypto';

/** Registration codes: how long one lives, how often one may be sent, how many guesses one takes. */
export const SMS_CODE_POLICY = {
  digits: 6,
  ttlSeconds: 5 * 60,
  maxAttempts: 5,
  /** A phone gets a new code at most once a minute … */
  resendAfterSeconds: 60,
  /** … and at most this many an hour. */
  perPhonePerHour: 5,
  /** One client address may ask for codes to this many sends an hour, whatever the phones. */
  perAddressPerHour: 20,
} as const;

/** A mainland mobile number (11 digits, 1[3-9]…): the only numbers the SMS channel reaches. */
export const MOBILE_PHONE = /^1[3-9]\d{9}$/;

export function newSmsCode(): string {
  return String(randomInt(0, 10 ** SMS_CODE_POLICY.digits)).padStart(SMS_CODE_POLICY.digits, '0');
}

export type SendRefusal = { code: 'auth.sms_code_too_soon' | 'auth.sms_code_phone_limit' | 'auth.sms_code_address_limit'; retryAfterSeconds: number };

/**
 * Whether another code may go out, from the sends of the last hour (seconds ago, newest first) to
 * this phone and from this address.
 */
export function sendRefusal(phoneSendsAgo: readonly number[], addressSendsAgo: readonly number[], policy = SMS_CODE_POLICY): SendRefusal | null {
  const latest = phoneSendsAgo[0];
  if (latest !== undefined && latest < policy.resendAfterSeconds) {
    return { code: 'auth.sms_code_too_soon', retryAfterSeconds: Math.ceil(policy.resendAfterSeconds - latest) };
  }
  const inHour = (ago: readonly number[]) => ago.filter((s) => s < 3600);
  const phone = inHour(phoneSendsAgo);
  if (phone.length >= policy.perPhonePerHour) {
    return { code: 'auth.sms_code_phone_limit', retryAfterSeconds: Math.ceil(3600 - Math.max(...phone)) };
  }
  const address = inHour(addressSendsAgo);
  if (address.length >= policy.perAddressPerHour) {
    return { code: 'auth.sms_code_address_limit', retryAfterSeconds: Math.ceil(3600 - Math.max(...address)) };
  }
  return null;
}

export type CodeCheck = 'ok' | 'wrong' | 'spent' | 'expired' | 'none';

/** The answer for a code typed against the latest one sent (null: none was sent, or it was used). */
export function checkCode(
  latest: { matches: boolean; attempts: number; expiresAt: Date } | null,
  now: Date,
  policy = SMS_CODE_POLICY,
): CodeCheck {
  if (!latest) return 'none';
  if (latest.expiresAt.getTime() <= now.getTime()) return 'expired';
  if (latest.attempts >= policy.maxAttempts) return 'spent';
  return latest.matches ? 'ok' : 'wrong';
}
