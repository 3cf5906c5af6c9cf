import { describe, expect, it } from 'vitest';
import { QuotaLeases, leaseSize, type Grant } from './quota-leases.js';

/** A shared counter as Redis and PostgreSQL keep it: one fixed window, never granting past the limit. */
class SharedWindow {
  hits = 0;
  calls = 0;
  constructor(
    private readonly limit: number,
    private readonly msLeft = 60_000,
  ) {}

  reserve = async (want: number): Promise<Grant> => {
    this.calls += 1;
    await Promise.resolve();
    if (this.hits >= this.limit) {
      this.hits += 1;
      return { granted: 0, hits: this.hits, msLeft: this.msLeft };
    }
    const granted = Math.min(want, this.limit - this.hits);
    this.hits += granted;
    return { granted, hits: this.hits, msLeft: this.msLeft };
  };
}

describe('leaseSize', () => {
  it('is one hit for small limits and a fiftieth of larger ones', () => {
    expect([0, 1, 5, 99, 100, 600, 100_000].map(leaseSize)).toEqual([1, 1, 1, 1, 2, 12, 2000]);
  });
});

describe('QuotaLeases', () => {
  it('spends a lease locally: one round trip per lease, not per hit', async () => {
    const shared = new SharedWindow(600);
    const leases = new QuotaLeases(() => 0);
    const verdicts = [];
    for (let i = 0; i < 24; i++) verdicts.push(await leases.take('k', 600, shared.reserve));
    expect(shared.calls).toBe(2);
    expect(verdicts.every((v) => !v.blocked)).toBe(true);
    expect(verdicts.map((v) => v.hits)).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
  });

  it('admits exactly the limit across processes when every reservation is one hit', async () => {
    const shared = new SharedWindow(5);
    const [one, other] = [new QuotaLeases(() => 0), new QuotaLeases(() => 0)];
    const blocked = [];
    for (let i = 0; i < 8; i++) blocked.push((await (i % 2 === 0 ? one : other).take('k', 5, shared.reserve)).blocked);
    expect(blocked).toEqual([false, false, false, false, false, true, true, true]);
  });

  it('never admits past the limit, and refuses early at most the hits other processes hold', async () => {
    const limit = 1000;
    const shared = new SharedWindow(limit);
    const processes = [new QuotaLeases(() => 0), new QuotaLeases(() => 0), new QuotaLeases(() => 0)];
    let admitted = 0;
    let firstRefusal = -1;
    for (let i = 0; i < 2 * limit; i++) {
      const verdict = await processes[i % 3]!.take('k', limit, shared.reserve);
      if (!verdict.blocked) admitted += 1;
      else if (firstRefusal < 0) firstRefusal = i;
    }
    expect(admitted).toBeLessThanOrEqual(limit);
    expect(admitted).toBeGreaterThanOrEqual(limit - 2 * (leaseSize(limit) - 1));
    expect(firstRefusal).toBeGreaterThanOrEqual(limit - 2 * (leaseSize(limit) - 1));
  });

  it('remembers a refused window until it ends, then reserves in the next', async () => {
    let now = 0;
    const shared = new SharedWindow(1, 1000);
    const leases = new QuotaLeases(() => now);
    expect((await leases.take('k', 1, shared.reserve)).blocked).toBe(false);
    const refused = await leases.take('k', 1, shared.reserve);
    expect(refused).toMatchObject({ blocked: true, msLeft: 1000 });
    now = 400;
    expect(await leases.take('k', 1, shared.reserve)).toMatchObject({ blocked: true, msLeft: 600 });
    expect(shared.calls).toBe(2);
    now = 1000;
    shared.hits = 0;
    expect((await leases.take('k', 1, shared.reserve)).blocked).toBe(false);
    expect(shared.calls).toBe(3);
  });

  it('drops an unspent lease when its window ends', async () => {
    let now = 0;
    const shared = new SharedWindow(600, 1000);
    const leases = new QuotaLeases(() => now);
    await leases.take('k', 600, shared.reserve);
    now = 1000;
    shared.hits = 0;
    await leases.take('k', 600, shared.reserve);
    expect(shared.calls).toBe(2);
    expect(shared.hits).toBe(12);
  });

  it('makes concurrent hits of one key share one reservation in flight', async () => {
    const shared = new SharedWindow(600);
    const leases = new QuotaLeases(() => 0);
    const verdicts = await Promise.all(Array.from({ length: 12 }, () => leases.take('k', 600, shared.reserve)));
    expect(shared.calls).toBe(1);
    expect(verdicts.map((v) => v.hits).sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
  });

  it('lets the hits waiting on a failed reservation try again themselves', async () => {
    const leases = new QuotaLeases(() => 0);
    let calls = 0;
    const failing = async (): Promise<Grant> => {
      calls += 1;
      await Promise.resolve();
      throw new Error('counter away');
    };
    const results = await Promise.allSettled([leases.take('k', 600, failing), leases.take('k', 600, failing)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(calls).toBe(2);
  });

  it('forgets ended windows when swept', async () => {
    let now = 0;
    const shared = new SharedWindow(600, 1000);
    const leases = new QuotaLeases(() => now);
    await leases.take('a', 600, shared.reserve);
    await leases.take('b', 600, shared.reserve);
    now = 1000;
    leases.sweep();
    expect(leases.size).toBe(0);
  });
});
