import { randomUUID } from 'node:crypto';
import { ClsService } from 'nestjs-cls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEBHOOKS_CHANGED, WebhooksService } from '../src/webhooks/webhooks.service.js';
import { startMedium, type Medium } from './support/medium.js';

/**
 * The subscribers of a case event are kept in memory (asked ~4× per 秒批 case before) and forgotten when any
 * process announces a change of subscriptions (`WEBHOOKS_CHANGED`, sent in the changing transaction).
 */
let medium: Medium;

beforeAll(async () => {
  medium = await startMedium();
});

afterAll(async () => {
  await medium?.system.stopAll();
});

async function delivered(subscriptionId: string): Promise<boolean> {
  const orderKey = randomUUID();
  await medium.inTx(() => medium.get(WebhooksService).publish('case.submitted', orderKey, { probe: true }));
  const rows = await medium.db.query(`SELECT 1 FROM webhook_delivery WHERE subscription_id = $1 AND order_key = $2`, [subscriptionId, orderKey]);
  return rows.length === 1;
}

describe('webhook subscribers cache', () => {
  it('keeps the subscribers without asking again, and forgets them on the announcement of a change', async () => {
    const webhooks = medium.get(WebhooksService);
    const admin = await medium.caller('admin');
    const hook = await medium.get(ClsService).run(() => webhooks.create({ url: 'https://203.0.113.10/hook', events: ['case.submitted'], secret: 'a-secret-of-enough-length' }, admin.id));
    // The service's own change is seen at once by this process.
    expect(await delivered(hook.id)).toBe(true);

    // Behind the service's back, unannounced: the list in memory still holds it (no query per event).
    await medium.db.query(`UPDATE webhook_subscription SET active = false WHERE id = $1`, [hook.id]);
    expect(await delivered(hook.id)).toBe(true);

    // Announced (as another process's change is): forgotten once the notice arrives.
    await medium.db.query(`UPDATE webhook_subscription SET active = true WHERE id = $1`, [hook.id]);
    await medium.db.query(`SELECT pg_notify($1, '')`, [WEBHOOKS_CHANGED]);
    await medium.db.query(`UPDATE webhook_subscription SET active = false WHERE id = $1`, [hook.id]);
    await medium.db.query(`SELECT pg_notify($1, '')`, [WEBHOOKS_CHANGED]);
    await expect.poll(() => delivered(hook.id), { timeout: 5_000, interval: 50 }).toBe(false);

    // Through the service: on again, seen at once; removed, gone at once.
    await medium.get(ClsService).run(() => webhooks.update(hook.id, { active: true }));
    expect(await delivered(hook.id)).toBe(true);
    await medium.get(ClsService).run(() => webhooks.remove(hook.id));
    expect(await delivered(hook.id)).toBe(false);
  });
});
