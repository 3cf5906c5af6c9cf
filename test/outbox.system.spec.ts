import { randomUUID } from 'node:crypto';
import { TransactionHost } from '@nestjs-cls/transactional';
import { ClsService } from 'nestjs-cls';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotificationsService } from '../src/notifications/notifications.service.js';
import { OutboxRelay, outboxJobId } from '../src/queue/outbox/outbox-relay.service.js';
import { QueueBackend } from '../src/queue/queue-backend.js';
import { QueueName } from '../src/queue/queue-names.js';
import { ThrowawayRedis } from './support/throwaway-redis.js';
import { startTestSystem, type TestSystem } from './support/system.js';

/**
 * The transactional outbox (DESIGN.md "Data rules"): a state change and its outbox row commit
 * together; with the queue backend unreachable, rows wait; when it returns, each job runs once.
 * The state change here is a real one: an admin creates a staff account, then it is sent an e-mail. An
 * inbox message needs no job (it is delivered by its commit), so the e-mail is the job: the account has no
 * address, so its one attempt ends the message as `failed`, which makes each run of the job visible.
 */
let redis: ThrowawayRedis;
let system: TestSystem;
let adminToken: string;
let dataSource: DataSource;

beforeAll(async () => {
  redis = await ThrowawayRedis.start();
  system = await startTestSystem('production', { REDIS_URL: redis.url });
  adminToken = await system.login('admin');
  dataSource = system.app.get(DataSource);
});

afterAll(async () => {
  await system?.stopAll();
  await redis?.stop();
});

async function createUser(): Promise<string> {
  const response = await system
    .http()
    .post('/api/users')
    .set('Authorization', `Bearer ${adminToken}`)
    .send({ username: `ob.${randomUUID().slice(0, 12)}`, password: 'A-long-passphrase-9', roles: ['supervisor'], displayName: '测试' })
    .expect(201);
  const userId = response.body.id as string;
  await inTransaction(() => system.app.get(NotificationsService).notify({ recipientId: userId, template: 'account.created', data: { username: 'ob' }, channel: 'email' }));
  return userId;
}

const inTransaction = <T>(work: () => Promise<T>): Promise<T> => system.app.get(ClsService).run(() => system.app.get(TransactionHost).withTransaction(work));

interface Trace {
  outboxId: string;
  relayedAt: Date | null;
  status: string;
  deliveryAttempts: number;
}

async function traceOf(userId: string): Promise<Trace> {
  const [row] = await dataSource.query(
    `SELECT o.id::text AS "outboxId", o.relayed_at AS "relayedAt", n.status, n.delivery_attempts AS "deliveryAttempts"
       FROM notification n JOIN outbox_message o ON o.payload->>'notificationId' = n.id::text
      WHERE n.recipient_id = $1 AND n.channel = 'email'`,
    [userId],
  );
  return row as Trace;
}

describe('transactional outbox', () => {
  it('commits the state change and its outbox row together, and rolls both back together', async () => {
    const userId = await createUser();
    const trace = await traceOf(userId);
    expect(trace.outboxId).toBeDefined();

    const before = Number((await dataSource.query('SELECT count(*) FROM outbox_message'))[0].count);
    await expect(
      inTransaction(async () => {
        await system.app.get(NotificationsService).notify({ recipientId: userId, template: 'test.rolled-back', channel: 'email' });
        throw new Error('the state change failed after writing');
      }),
    ).rejects.toThrow('the state change failed');
    expect(Number((await dataSource.query('SELECT count(*) FROM outbox_message'))[0].count)).toBe(before);
    expect(await dataSource.query(`SELECT 1 FROM notification WHERE template = 'test.rolled-back'`)).toEqual([]);
  });

  it('keeps rows while the queue backend is down and runs each job exactly once when it returns', async () => {
    const first = await createUser();
    await expect.poll(async () => (await traceOf(first)).status, { timeout: 10_000 }).toBe('failed');

    await redis.stop();
    const waiting = [await createUser(), await createUser(), await createUser()];
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    for (const userId of waiting) {
      const trace = await traceOf(userId);
      expect(trace.relayedAt).toBeNull();
      expect(trace.status).toBe('pending');
    }

    await redis.up();
    for (const userId of waiting) {
      await expect.poll(async () => (await traceOf(userId)).status, { timeout: 20_000, interval: 200 }).toBe('failed');
    }

    const queue = system.app.get(QueueBackend).queue(QueueName.Notifications);
    for (const userId of waiting) {
      const trace = await traceOf(userId);
      expect(trace.relayedAt).not.toBeNull();
      expect(trace.deliveryAttempts).toBe(1);
      const job = await queue.getJob(outboxJobId(trace.outboxId));
      expect(job?.attemptsMade).toBe(1);
      expect(job?.returnvalue).toBe('failed');
    }

    // A relay that died after enqueueing but before stamping the rows relays them again: same jobIds, no new work.
    const ids = await Promise.all(waiting.map(async (userId) => (await traceOf(userId)).outboxId));
    const completedBefore = (await queue.getJobCounts('completed')).completed;
    await dataSource.query('UPDATE outbox_message SET relayed_at = NULL, claimed_until = NULL WHERE id = ANY($1::bigint[])', [ids]);
    const relay = system.app.get(OutboxRelay);
    await expect.poll(async () => (await dataSource.query('SELECT count(*) FROM outbox_message WHERE relayed_at IS NULL AND id = ANY($1::bigint[])', [ids]))[0].count, { timeout: 10_000 }).toBe('0');
    relay.nudge();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await queue.getJobCounts('completed')).completed).toBe(completedBefore);
    for (const userId of waiting) expect((await traceOf(userId)).deliveryAttempts).toBe(1);
  });
});
