import type { Grant } from '@app/quota-lease';
import { Redis } from 'ioredis';
import { redisOptions } from '../queue/queue-backend.js';
import type { SharedCounter } from './shared-counter.js';

/**
 * Up to ARGV[4] hits of one key's window, atomically, never past the limit ARGV[2]; a refused hit is
 * counted, and the first of them stretches the window to the block (ARGV[3]). A key without expiry
 * (new, or its first PEXPIRE lost) starts a window of ARGV[1] ms.
 */
const RESERVE = `
local limit = tonumber(ARGV[2])
local hits = tonumber(redis.call('GET', KEYS[1]) or '0')
local granted = 0
if hits < limit then
  granted = math.min(tonumber(ARGV[4]), limit - hits)
  hits = redis.call('INCRBY', KEYS[1], granted)
else
  hits = redis.call('INCR', KEYS[1])
end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  ttl = tonumber(ARGV[1])
  redis.call('PEXPIRE', KEYS[1], ttl)
elseif hits == limit + 1 and ttl < tonumber(ARGV[3]) then
  ttl = tonumber(ARGV[3])
  redis.call('PEXPIRE', KEYS[1], ttl)
end
return { granted, hits, ttl }`;

type WithReserve = Redis & { rateLimitReserve(key: string, ttl: number, limit: number, blockDuration: number, want: number): Promise<[number, number, number]> };

/** Rate-limit counters in Redis (production mode), beside the queues, so every API process spends one budget. */
export class RedisWindowStorage implements SharedCounter {
  private readonly redis: WithReserve;

  constructor(url: string, prefix: string) {
    // Hash-tagged like the queues' keys, so a Redis Cluster and the test runs' clean-up treat them alike.
    const redis = new Redis({ ...redisOptions(url, true), keyPrefix: `{${prefix}}:rate:` });
    redis.defineCommand('rateLimitReserve', { numberOfKeys: 1, lua: RESERVE });
    // Refused commands reach reserve(), whose caller falls back; the connection's own errors need no log of their own.
    redis.on('error', () => undefined);
    this.redis = redis as WithReserve;
  }

  async reserve(key: string, ttl: number, limit: number, blockDuration: number, want: number): Promise<Grant> {
    const [granted, hits, msLeft] = await this.redis.rateLimitReserve(key, ttl, limit, blockDuration, want);
    return { granted, hits, msLeft };
  }

  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}
