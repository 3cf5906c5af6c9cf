import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { verifySignature } from '@app/notify-core';
import { TransactionHost } from '@nestjs-cls/transactional';
import { ClsService } from 'nestjs-cls';
import { SMTPServer } from 'smtp-server';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { APP_CONFIG, type AppConfig } from '../src/config/app-config.js';
import { NotificationDelivery } from '../src/notifications/notification-delivery.service.js';
import { signedPost } from '../src/notifications/signed-post.js';
import { OutboxService } from '../src/queue/outbox/outbox.service.js';
import { ClockService } from '../src/time/clock.service.js';
import { WebhookDeliveryJobs } from '../src/webhooks/webhook-delivery.jobs.js';
import { WebhooksService } from '../src/webhooks/webhooks.service.js';
import { DatabaseNotifications } from '../src/database/database-notifications.js';
import { exampleForm, requiredMaterials, serviceItem } from './support/applicant.js';
import { auth, decide, waitForTask } from './support/drive.js';
import { HttpSink } from './support/http-sink.js';
import { SEED_PASSWORD, startTestSystem, type TestSystem } from './support/system.js';

/**
 * Issue #18: SMS through a signed HTTP gateway, e-mail through SMTP, the inbox, rating invitations and
 * webhooks — against a local HTTP sink that refuses the first delivery of each message and a local SMTP
 * server, with a settable clock for quiet hours.
 */
const SMS_SECRET = 'sms-gateway-secret-for-tests';
const HOOK_SECRET = 'webhook-secret-for-the-province';
const PHONE = '13900001818';

let system: TestSystem;
let sink: HttpSink;
let smtp: SMTPServer;
const mails: { to: string; raw: string }[] = [];
let admin: string;
let clock: Date;
let dataSource: DataSource;
let webhookId: string;

beforeAll(async () => {
  sink = await HttpSink.start();
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const smtpPort = (smtp.server.address() as AddressInfo).port;
  system = await startTestSystem('single-server', {
    SMS_WEBHOOK_URL: `${sink.url}/sms`,
    SMS_WEBHOOK_SECRET: SMS_SECRET,
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    MAIL_FROM: '一网通办 <noreply@nanguan.gov.cn>',
    NOTIFY_RETRY_BASE_MS: '100',
    NOTIFY_MAX_ATTEMPTS: '4',
    WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
  });
  dataSource = system.app.get(DataSource);
  clock = new Date('2026-03-02T10:00:00+08:00');
  vi.spyOn(system.app.get(ClockService), 'now').mockImplementation(() => new Date(clock));
  admin = await system.login('admin');
  const hook = await system
    .http()
    .post('/api/webhooks')
    .set(auth(admin))
    .send({ url: `${sink.url}/hooks`, events: ['case.submitted', 'case.status_changed', 'case.finished', 'certificate.issued', 'grant.created'], secret: HOOK_SECRET })
    .expect(201);
  webhookId = hook.body.id;
  expect(hook.body.secret).toBeUndefined();
});

afterAll(async () => {
  vi.restoreAllMocks();
  await system?.stopAll();
  await sink?.stop();
  await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
});

/** A citizen of its own, with a phone and an e-mail address on the account. */
async function newCitizen(): Promise<{ id: string; token: string; email: string }> {
  const username = `notify.${randomUUID().slice(0, 8)}`;
  const email = `${username}@example.cn`;
  const created = await system.http().post('/api/users').set(auth(admin)).send({ username, password: SEED_PASSWORD, roles: ['citizen'], displayName: '赵敏' }).expect(201);
  await dataSource.query(`UPDATE app_user SET facts = facts || $2::jsonb WHERE id = $1`, [created.body.id, JSON.stringify({ phone: PHONE, email })]);
  return { id: created.body.id, token: await system.login(username), email };
}

async function apply(token: string): Promise<{ id: string; caseNo: string }> {
  const item = await serviceItem(system, '2201-SC-0001');
  const materials = await requiredMaterials(system, token, item, ['foodSafetySystem']);
  const response = await system
    .http()
    .post('/api/cases')
    .set(auth(token))
    .set('Idempotency-Key', randomUUID())
    .send({ serviceItemCode: item.code, form: exampleForm(item, { floorArea: 350.0 }), materials })
    .expect(201);
  return response.body;
}

async function decideAccept(caseId: string, action: 'accept' | 'refuse'): Promise<void> {
  const task = await waitForTask(system, 'market-regulation', caseId, 'accept');
  await decide(system, 'market-regulation', task.id, { action, comment: action === 'refuse' ? '不属于本部门受理范围' : '材料齐全' });
}

const smsFor = (caseNo: string, template: string) => sink.on('/sms').filter((r) => r.body.template === template && (r.body.params as { caseNo?: string }).caseNo === caseNo);

async function notificationRows(caseId: string) {
  return (await dataSource.query(
    `SELECT id, channel, template, status, delivery_attempts AS attempts, not_before AS "notBefore" FROM notification WHERE case_id = $1 ORDER BY created_at, channel`,
    [caseId],
  )) as { id: string; channel: string; template: string; status: string; attempts: number; notBefore: Date | null }[];
}

describe('SMS through the signed gateway', () => {
  it('arrives signed, is refused once and retried under the same id, with the case number, item and next step', async () => {
    const citizen = await newCitizen();
    const created = await apply(citizen.token);
    await decideAccept(created.id, 'accept');

    await expect.poll(() => smsFor(created.caseNo, 'case.case_accepted').map((r) => r.status), { timeout: 20_000 }).toEqual([503, 200]);
    const [first, second] = smsFor(created.caseNo, 'case.case_accepted');
    expect(second!.body.id).toBe(first!.body.id);
    expect(second!.raw).toBe(first!.raw);
    for (const request of [first!, second!]) {
      expect(verifySignature(SMS_SECRET, request.raw, request.headers['x-ywtb-signature'] as string)).toBe(true);
      expect(verifySignature('another-secret-entirely', request.raw, request.headers['x-ywtb-signature'] as string)).toBe(false);
    }
    expect(Object.keys(first!.body).sort()).toEqual(['id', 'params', 'phone', 'template', 'text']);
    expect(first!.body.phone).toBe(PHONE);
    const text = first!.body.text as string;
    expect(text).toContain(created.caseNo);
    expect(text).toContain('食品经营许可证核发');
    expect(text).toContain('已受理');
    expect([...text].length).toBeLessThanOrEqual(70);

    await expect.poll(async () => (await notificationRows(created.id)).find((n) => n.channel === 'sms' && n.template === 'case.case_accepted')?.status, { timeout: 10_000 }).toBe('delivered');
    const sms = (await notificationRows(created.id)).find((n) => n.channel === 'sms' && n.template === 'case.case_accepted')!;
    expect(sms.id).toBe(first!.body.id);
    expect(sms.attempts).toBe(2);
  });

  it('holds SMS during quiet hours (22:00–08:00 China time) until the morning', async () => {
    const citizen = await newCitizen();
    const created = await apply(citizen.token);
    clock = new Date('2026-03-02T23:30:00+08:00');
    try {
      await decideAccept(created.id, 'accept');
      await expect
        .poll(async () => (await notificationRows(created.id)).find((n) => n.channel === 'sms' && n.template === 'case.case_accepted')?.status, { timeout: 10_000 })
        .toBe('held');
      const held = (await notificationRows(created.id)).find((n) => n.channel === 'sms' && n.template === 'case.case_accepted')!;
      expect(new Date(held.notBefore!).toISOString()).toBe(new Date('2026-03-03T08:00:00+08:00').toISOString());
      // The inbox does not wait for the morning.
      await expect.poll(async () => (await notificationRows(created.id)).find((n) => n.channel === 'in-app' && n.template === 'case.case_accepted')?.status).toBe('delivered');

      const release = () => system.app.get(ClsService).run(() => system.app.get(NotificationDelivery).releaseHeld());
      clock = new Date('2026-03-03T07:59:00+08:00');
      expect(await release()).toBe(0);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(smsFor(created.caseNo, 'case.case_accepted')).toEqual([]);

      clock = new Date('2026-03-03T08:01:00+08:00');
      expect(await release()).toBeGreaterThanOrEqual(1);
      await expect.poll(() => smsFor(created.caseNo, 'case.case_accepted').map((r) => r.status), { timeout: 20_000 }).toEqual([503, 200]);
    } finally {
      clock = new Date('2026-03-02T10:00:00+08:00');
    }
  });

  it('marks a message failed, visible to admins, when every attempt is refused', async () => {
    const citizen = await newCitizen();
    // A gateway that never answers: port 9 (discard) has no listener here, so every attempt is refused.
    await dataSource.query(`UPDATE app_user SET facts = facts || '{"phone":"13900009999"}'::jsonb WHERE id = $1`, [citizen.id]);
    const config = system.app.get<AppConfig>(APP_CONFIG);
    const sms = config.notifications.sms!;
    const original = sms.url;
    sms.url = 'http://127.0.0.1:9/refused';
    try {
      const created = await apply(citizen.token);
      await decideAccept(created.id, 'accept');
      await expect
        .poll(async () => (await notificationRows(created.id)).find((n) => n.channel === 'sms' && n.template === 'case.case_accepted')?.status, { timeout: 20_000 })
        .toBe('failed');
      const failed = (await notificationRows(created.id)).find((n) => n.channel === 'sms' && n.template === 'case.case_accepted')!;
      expect(failed.attempts).toBe(4);
      const { body } = await system.http().get('/api/notifications?status=failed').set(auth(admin)).expect(200);
      const listed = body.items.find((n: { id: string }) => n.id === failed.id);
      expect(listed).toMatchObject({ channel: 'sms', status: 'failed', deliveryAttempts: 4, caseId: created.id });
      expect(JSON.stringify(body)).not.toContain('13900009999');
      const citizenAsk = await system.http().get('/api/notifications?status=failed').set(auth(citizen.token));
      expect(citizenAsk.status).toBe(403);
    } finally {
      sms.url = original;
    }
  });
});

describe('a worker that dies mid-send', () => {
  it('leaves a lease that runs out; the message and the webhook delivery go out again under the same id', async () => {
    const citizen = await newCitizen();
    const created = await apply(citizen.token);
    await decideAccept(created.id, 'accept');
    await expect.poll(async () => (await notificationRows(created.id)).find((n) => n.channel === 'sms')?.status, { timeout: 20_000 }).toBe('delivered');
    const sms = (await notificationRows(created.id)).find((n) => n.channel === 'sms')!;
    const [delivery] = await dataSource.query(
      `SELECT id FROM webhook_delivery WHERE subscription_id = $1 AND order_key = $2 AND event = 'case.submitted'`,
      [webhookId, created.id],
    );
    await expect.poll(async () => (await dataSource.query(`SELECT status FROM webhook_delivery WHERE id = $1`, [delivery.id]))[0].status, { timeout: 20_000 }).toBe('delivered');
    // As a worker leaves them when it dies after claiming: pending, under a lease that ran out.
    await dataSource.query(`UPDATE notification SET status = 'pending', claimed_until = now() - interval '2 minutes' WHERE id = $1`, [sms.id]);
    await dataSource.query(`UPDATE webhook_delivery SET status = 'pending', claimed_until = now() - interval '2 minutes' WHERE id = $1`, [delivery.id]);
    const smsBefore = sink.on('/sms').filter((r) => r.body.id === sms.id).length;
    const hooksBefore = sink.on('/hooks').filter((r) => r.headers['x-ywtb-delivery'] === delivery.id).length;

    const cls = system.app.get(ClsService);
    await cls.run(() => system.app.get(NotificationDelivery).releaseHeld());
    expect(await cls.run(() => system.app.get(WebhookDeliveryJobs).requeueStranded())).toBeGreaterThanOrEqual(1);
    await expect.poll(() => sink.on('/sms').filter((r) => r.body.id === sms.id).length, { timeout: 20_000 }).toBe(smsBefore + 1);
    await expect.poll(() => sink.on('/hooks').filter((r) => r.headers['x-ywtb-delivery'] === delivery.id).length, { timeout: 20_000 }).toBe(hooksBefore + 1);
    await expect.poll(async () => (await notificationRows(created.id)).find((n) => n.id === sms.id)?.status, { timeout: 10_000 }).toBe('delivered');
  });
});

describe('e-mail through SMTP', () => {
  it('reaches the local SMTP server with the notice', async () => {
    const citizen = await newCitizen();
    const created = await apply(citizen.token);
    await decideAccept(created.id, 'accept');
    await expect.poll(() => mails.filter((m) => m.to === citizen.email).length, { timeout: 20_000 }).toBeGreaterThanOrEqual(1);
    const mail = mails.find((m) => m.to === citizen.email)!;
    expect(mail.raw).toContain('noreply@nanguan.gov.cn');
    expect(mail.raw).toMatch(/X-Ywtb-Notification: [0-9a-f-]{36}/);
    await expect.poll(async () => (await notificationRows(created.id)).find((n) => n.channel === 'email')?.status, { timeout: 10_000 }).toBe('delivered');
  });
});

describe('the inbox and rating invitations', () => {
  it('lists, counts and marks only the caller’s own notices; a finished case invites a rating', async () => {
    const citizen = await newCitizen();
    const created = await apply(citizen.token);
    await decideAccept(created.id, 'refuse');

    await expect
      .poll(async () => (await system.http().get('/api/my/notifications?unread=true').set(auth(citizen.token)).expect(200)).body.items.map((n: { template: string }) => n.template), { timeout: 10_000 })
      .toEqual(expect.arrayContaining(['case.case_finished', 'case.rating_invitation']));
    const unread = (await system.http().get('/api/my/notifications?unread=true').set(auth(citizen.token)).expect(200)).body.items as { id: string; template: string; caseId: string | null; title: string }[];
    const invitation = unread.find((n) => n.template === 'case.rating_invitation')!;
    expect(invitation.caseId).toBe(created.id);
    expect(invitation.title).toContain(created.caseNo);
    await expect.poll(() => smsFor(created.caseNo, 'case.rating_invitation').map((r) => r.status), { timeout: 20_000 }).toEqual([503, 200]);
    expect(smsFor(created.caseNo, 'case.rating_invitation')[0]!.body.text).toContain('评价');

    const count = async (token: string) => (await system.http().get('/api/my/notifications/unread-count').set(auth(token)).expect(200)).body.unread as number;
    const before = await count(citizen.token);
    expect(before).toBe(unread.length);

    const other = await newCitizen();
    await system.http().post(`/api/my/notifications/${invitation.id}/read`).set(auth(other.token)).expect(404);
    await system.http().post(`/api/my/notifications/${randomUUID()}/read`).set(auth(citizen.token)).expect(404);
    const bad = await system.http().post('/api/my/notifications/not-a-uuid/read').set(auth(citizen.token));
    expect(bad.status).toBe(400);
    expect(await count(citizen.token)).toBe(before);

    const read = await system.http().post(`/api/my/notifications/${invitation.id}/read`).set(auth(citizen.token)).expect(200);
    expect(read.body.readAt).not.toBeNull();
    await system.http().post(`/api/my/notifications/${invitation.id}/read`).set(auth(citizen.token)).expect(200);
    expect(await count(citizen.token)).toBe(before - 1);
    const all = (await system.http().get('/api/my/notifications').set(auth(citizen.token)).expect(200)).body.items as { id: string }[];
    expect(all.map((n) => n.id)).toContain(invitation.id);
    const stillUnread = (await system.http().get('/api/my/notifications?unread=true').set(auth(citizen.token)).expect(200)).body.items as { id: string }[];
    expect(stillUnread.map((n) => n.id)).not.toContain(invitation.id);
    const badQuery = await system.http().get('/api/my/notifications?unread=maybe').set(auth(citizen.token));
    expect(badQuery.status).toBe(400);
  });
});

describe('webhooks', () => {
  it('delivers a case’s events signed, each refused once and retried under its X-Ywtb-Delivery id, in order', async () => {
    const citizen = await newCitizen();
    const created = await apply(citizen.token);
    await decideAccept(created.id, 'refuse');
    const ofCase = () => sink.on('/hooks').filter((r) => (r.body.data as { caseId?: string }).caseId === created.id);
    await expect.poll(() => ofCase().filter((r) => r.status === 200).map((r) => r.body.event), { timeout: 30_000 }).toEqual(['case.submitted', 'case.status_changed', 'case.finished']);

    const requests = ofCase();
    // In order: each delivery's attempts (refused, then accepted) come before the next delivery's first.
    const ids = requests.map((r) => r.headers['x-ywtb-delivery'] as string);
    expect(ids).toEqual([ids[0], ids[0], ids[2], ids[2], ids[4], ids[4]]);
    expect(new Set(ids).size).toBe(3);
    expect(requests.map((r) => r.status)).toEqual([503, 200, 503, 200, 503, 200]);
    for (const request of requests) {
      expect(verifySignature(HOOK_SECRET, request.raw, request.headers['x-ywtb-signature'] as string)).toBe(true);
      expect(request.body.id).toBe(request.headers['x-ywtb-delivery']);
    }
    expect(requests[2]!.body.data).toMatchObject({ caseNo: created.caseNo, from: 'submitted', to: 'refused' });
    expect(requests[4]!.body.data).toMatchObject({ status: 'refused' });

    const { body } = await system.http().get(`/api/webhooks/${webhookId}/deliveries?limit=200`).set(auth(admin)).expect(200);
    const listed = (body.items as { id: string; status: string; attempts: { statusCode: number }[] }[]).filter((d) => ids.includes(d.id));
    expect(listed).toHaveLength(3);
    for (const delivery of listed) {
      expect(delivery.status).toBe('delivered');
      expect(delivery.attempts.map((a) => a.statusCode)).toEqual([503, 200]);
    }
  });

  it('lets admins manage webhooks and refuses everyone else', async () => {
    const citizen = await newCitizen();
    await system.http().get('/api/webhooks').set(auth(citizen.token)).expect(403);
    const list = await system.http().get('/api/webhooks').set(auth(admin)).expect(200);
    expect(list.body.items.map((w: { id: string }) => w.id)).toContain(webhookId);
    const bad = await system.http().post('/api/webhooks').set(auth(admin)).send({ url: 'ftp://example.cn', events: ['case.opened'], secret: 'short' }).expect(400);
    expect(bad.body.code).toBe('validation.failed');
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['events', 'secret', 'url']);
    await system.http().get(`/api/webhooks/${randomUUID()}/deliveries`).set(auth(admin)).expect(404);
  });

  it('refuses loopback, private and link-local targets unless allowed, at registration and on the connected address', async () => {
    const config = system.app.get<AppConfig>(APP_CONFIG);
    const strict = new WebhooksService(system.app.get(TransactionHost), system.app.get(OutboxService), system.app.get(ClockService), system.app.get(DatabaseNotifications), {
      ...config,
      notifications: { ...config.notifications, allowPrivateWebhookTargets: false },
    });
    for (const url of ['http://127.0.0.1:8080/x', 'http://localhost/x', 'http://10.0.0.8/x', 'http://169.254.169.254/latest/meta-data', 'http://[::1]/x', 'http://192.168.1.20/x']) {
      await expect(system.app.get(ClsService).run(() => strict.create({ url, events: ['case.submitted'], secret: HOOK_SECRET }, randomUUID())), url).rejects.toMatchObject({
        code: 'webhook.target_not_allowed',
      });
    }
    // At delivery the address actually connected to is checked: a name resolving to loopback is refused.
    const before = sink.requests.length;
    const result = await signedPost({ url: sink.url.replace('127.0.0.1', 'localhost') + '/hooks', secret: HOOK_SECRET, body: { id: randomUUID() }, timeoutMs: 2_000, publicOnly: true });
    expect(result.statusCode).toBeNull();
    expect(result.error).toMatch(/internal address/);
    expect(sink.requests.length).toBe(before);
  });
});
