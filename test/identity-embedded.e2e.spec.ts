import { afterAll, beforeAll, expect, it } from 'vitest';
import { auth } from './support/drive.js';
import { phoneNumber, smsInbox } from './support/identity.js';
import { startTestSystem, type TestSystem } from './support/system.js';
import { idNumberOf } from './support/registry-fixtures.js';

/**
 * Registration and sessions on the embedded database (the default mode), where PGlite serialises
 * transactions: a read on another connection inside a transaction waits for it, so every read of a
 * transaction must go through it.
 */
let system: TestSystem;

beforeAll(async () => {
  system = await startTestSystem('embedded');
});

afterAll(async () => {
  await system?.stopAll();
});

it('registers, refreshes, authorises an agent and logs out', async () => {
  const inbox = smsInbox(system);
  const phone = phoneNumber();
  await system.http().post('/api/auth/sms-code').send({ phone }).expect(202);
  const registered = await system
    .http()
    .post('/api/auth/register')
    .send({ phone, code: inbox.last(phone), name: '嵌入式', idNumber: idNumberOf('M', 1980).idNumber, password: 'A-long-passphrase-2026' })
    .expect(201);
  const next = await system.http().post('/api/auth/refresh').send({ refreshToken: registered.body.refreshToken }).expect(200);
  await system.http().post('/api/my/agents').set(auth(next.body.accessToken)).send({ agentUsername: 'citizen2', validUntil: '2099-12-31' }).expect(201);
  await system.http().post('/api/auth/logout').send({ refreshToken: next.body.refreshToken }).expect(204);
  expect((await system.http().get('/api/me').set(auth(next.body.accessToken))).status).toBe(401);
});
