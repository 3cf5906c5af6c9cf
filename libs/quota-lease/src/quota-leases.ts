/**
 * What the shared counter answered for a reservation of `want` hits in a key's current window:
 * how many it granted (0 when the window's budget is spent; the refused hit is counted then),
 * the window's hits after it, and the milliseconds left in the window.
 */
export interface Grant {
  granted: number;
  hits: number;
  msLeft: number;
}

/** One hit as the caller's limiter reads it: the hits known for the window, the time left, and whether it is refused. */
export interface Verdict {
  hits: number;
  msLeft: number;
  blocked: boolean;
}

/** A key's part of the shared budget held by this process until its window ends. */
interface Lease {
  left: number;
  hits: number;
  until: number;
  blocked: boolean;
}

/**
 * How many hits one reservation asks for: a fiftieth of the limit, at least one. With one hit per
 * reservation (limits under 100) every hit is a round trip to the shared counter, as before.
 */
export function leaseSize(limit: number): number {
  return Math.max(1, Math.floor(limit / 50));
}

/**
 * A process's leases on a shared rate-limit budget: instead of one round trip to the shared counter per
 * hit, a process reserves `leaseSize(limit)` hits of a key's window at once and spends them locally.
 * The shared counter never grants more than the limit in a window, so no caller is ever admitted past
 * it; what a lease costs is the other way round: hits reserved by one process and not yet spent are
 * not available to another, so a caller spread over P processes may be refused up to
 * (P − 1) × (leaseSize − 1) hits early. A refused window is remembered until it ends (no round trip
 * per refused hit). Concurrent hits of one key share one reservation in flight.
 */
export class QuotaLeases {
  private readonly leases = new Map<string, Lease>();
  private readonly pending = new Map<string, Promise<void>>();

  constructor(private readonly now: () => number) {}

  async take(key: string, limit: number, reserve: (want: number) => Promise<Grant>): Promise<Verdict> {
    for (;;) {
      const lease = this.live(key);
      if (lease && lease.left > 0) {
        lease.left -= 1;
        return { hits: lease.hits - lease.left, msLeft: lease.until - this.now(), blocked: false };
      }
      if (lease?.blocked) return { hits: lease.hits, msLeft: lease.until - this.now(), blocked: true };
      const inFlight = this.pending.get(key);
      if (inFlight) {
        await inFlight;
        continue;
      }
      return this.reserve(key, limit, reserve);
    }
  }

  /** Forgets the leases of ended windows (a timer calls it; a lease is also dropped when next used after its end). */
  sweep(): void {
    const now = this.now();
    for (const [key, lease] of this.leases) if (lease.until <= now) this.leases.delete(key);
  }

  /** How many keys hold a lease (for tests). */
  get size(): number {
    return this.leases.size;
  }

  private live(key: string): Lease | undefined {
    const lease = this.leases.get(key);
    if (lease && lease.until <= this.now()) {
      this.leases.delete(key);
      return undefined;
    }
    return lease;
  }

  /** Reserves a lease for the key; this hit spends its first grant, before the hits waiting on it take the rest. */
  private async reserve(key: string, limit: number, reserve: (want: number) => Promise<Grant>): Promise<Verdict> {
    let settle!: () => void;
    this.pending.set(key, new Promise<void>((resolve) => (settle = resolve)));
    try {
      const { granted, hits, msLeft } = await reserve(leaseSize(limit));
      const blocked = granted === 0;
      const left = blocked ? 0 : granted - 1;
      this.leases.set(key, { left, hits, until: this.now() + msLeft, blocked });
      return { hits: hits - left, msLeft, blocked };
    } finally {
      this.pending.delete(key);
      // Waiters look again: at the new lease, or (the reservation failed) reserve themselves.
      settle();
    }
  }
}
