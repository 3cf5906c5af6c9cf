import { randomUUID } from 'node:crypto';
import { TransactionHost } from '@nestjs-cls/transactional';
import { ClsService } from 'nestjs-cls';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OutboxService } from '../src/queue/outbox/outbox.service.js';
import { JobName } from '../src/queue/queue-names.js';
import { startTestSystem, type TestSystem } from './support/system.js';

/**
 * OutboxService wakes the relay once the transaction that wrote its rows commits, so no domain needs
 * the relay itself: with a poll interval of a minute, a committed job still reaches the queue at once.
 */
let system: TestSystem;

beforeAll(async () => {
  // No workers (ROLE=api): the relayed job stays in the queue, and only the relay is watched.
  system = await startTestSystem('single-server', { ROLE: 'api', OUTBOX_POLL_MS: '60000' });
});

afterAll(async () => {
  await system?.stopAll();
});

async function relayedAt(ids: string[]): Promise<(Date | null)[]> {
  const rows: { relayed_at: Date | null }[] = await system.app.get(DataSource).query(`SELECT relayed_at FROM outbox_message WHERE id = ANY($1::bigint[]) ORDER BY id`, [ids]);
  return rows.map((row) => row.relayed_at);
}

async function waitRelayed(ids: string[], withinMs: number): Promise<boolean> {
  const until = performance.now() + withinMs;
  while (performance.now() < until) {
    if ((await relayedAt(ids)).every((at) => at !== null)) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

describe('outbox relay nudge', () => {
  it('relays a committed job at once, not at the next poll', async () => {
    // Let the relay finish its start-up pass and settle into its minute-long wait.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const cls = system.app.get(ClsService);
    const txHost = system.app.get(TransactionHost);
    const outbox = system.app.get(OutboxService);
    const ids = await cls.run(() => txHost.withTransaction(() => outbox.enqueue({ name: JobName.RiskCheckCase, data: { caseId: randomUUID() } })));
    expect(await waitRelayed(ids, 10_000)).toBe(true);
  });

  it('relays nothing of a transaction that rolled back', async () => {
    const cls = system.app.get(ClsService);
    const txHost = system.app.get(TransactionHost);
    const outbox = system.app.get(OutboxService);
    let written: string[] = [];
    await expect(
      cls.run(() =>
        txHost.withTransaction(async () => {
          written = await outbox.enqueue({ name: JobName.RiskCheckCase, data: { caseId: randomUUID() } });
          throw new Error('the state change failed');
        }),
      ),
    ).rejects.toThrow('the state change failed');
    expect(written).toHaveLength(1);
    expect(await relayedAt(written)).toEqual([]);
  });
});
