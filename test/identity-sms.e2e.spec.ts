import { verifySignature } from '@app/notify-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auth } from './support/drive.js';
import { HttpSink } from './support/http-sink.js';
import { phoneNumber } from './support/identity.js';
import { startTestSystem, type TestSystem } from './support/system.js';
import { idNumberOf } from './support/registry-fixtures.js';

/**
 * Registration codes through the notifications module's SMS gateway (SMS_WEBHOOK_URL): a real local
 * HTTP receiver that refuses the first attempt of every message, so the code only arrives if the send is
 * retried under the same id.
 */
const SMS_SECRET = 'identity-sms-gateway-secret-2026';
let sink: HttpSink;
let system: TestSystem;

beforeAll(async () => {
  sink = await HttpSink.start();
  system = await startTestSystem('single-server', { SMS_WEBHOOK_URL: `${sink.url}/sms`, SMS_WEBHOOK_SECRET: SMS_SECRET, NOTIFY_RETRY_BASE_MS: '100' });
});

afterAll(async () => {
  await system?.stopAll();
  await sink?.stop().catch(() => undefined);
});

const toPhone = (phone: string) => sink.on('/sms').filter((r) => r.body.phone === phone);

describe('registration codes through the SMS gateway', () => {
  it('arrive at the gateway signed, retried under one id, and register the person', async () => {
    const phone = phoneNumber();
    await system.http().post('/api/auth/sms-code').send({ phone }).expect(202);

    const attempts = toPhone(phone);
    expect(attempts.map((r) => r.status)).toEqual([503, 200]);
    expect(new Set(attempts.map((r) => r.body.id)).size).toBe(1);
    for (const attempt of attempts) {
      expect(verifySignature(SMS_SECRET, attempt.raw, attempt.headers['x-ywtb-signature'] as string)).toBe(true);
    }
    const delivered = attempts[1]!.body as { template: string; params: { code: string }; text: string };
    expect(delivered.template).toBe('auth.registration_code');
    expect(delivered.params.code).toMatch(/^\d{6}$/);
    expect(delivered.text).toContain(delivered.params.code);

    const registered = await system
      .http()
      .post('/api/auth/register')
      .send({ phone, code: delivered.params.code, name: '网关测试', idNumber: idNumberOf('F', 1991).idNumber, password: 'A-long-passphrase-2026' })
      .expect(201);
    await system.http().get('/api/me').set(auth(registered.body.accessToken)).expect(200);
    // Nothing of the code stays in the notifications' table: it is a secret, sent once.
    const rows = await system.http().get('/api/my/notifications').set(auth(registered.body.accessToken)).expect(200);
    expect(JSON.stringify(rows.body)).not.toContain(delivered.params.code);
  });

  it('answers 503 when the gateway cannot be reached, and the failed send counts against no limit', async () => {
    await sink.stop();
    const phone = phoneNumber();
    const down = await system.http().post('/api/auth/sms-code').send({ phone }).expect(503);
    expect(down.body.code).toBe('auth.sms_unavailable');
    expect(Number(down.headers['retry-after'])).toBeGreaterThan(0);
    // Not "too soon": the code that did not go out was taken back.
    const again = await system.http().post('/api/auth/sms-code').send({ phone });
    expect(again.body.code).toBe('auth.sms_unavailable');
  });
});
