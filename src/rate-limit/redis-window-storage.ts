import type { OnApplicationShutdown } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import { Redis } from 'ioredis';
import { redisOptions } from '../queue/queue-backend.js';
import { windowRecord, type ThrottlerStorageRecord } from './window-record.js';

/** The window of one key, atomically: a key without expiry (new, or its first PEXPIRE lost) starts a window. */
const HIT = `
local hits = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  ttl = tonumber(ARGV[1])
  redis.call('PEXPIRE', KEYS[1], ttl)
elseif hits == tonumber(ARGV[2]) + 1 and ttl < tonumber(ARGV[3]) then
  ttl = tonumber(ARGV[3])
  redis.call('PEXPIRE', KEYS[1], ttl)
end
return { hits, ttl }`;

type WithHit = Redis & { rateLimitHit(key: string, ttl: number, limit: number, blockDuration: number): Promise<[number, number]> };

/** Rate-limit counters in Redis (production mode), beside the queues, so every API process spends one budget. */
export class RedisWindowStorage implements ThrottlerStorage, OnApplicationShutdown {
  private readonly redis: WithHit;

  constructor(url: string, prefix: string) {
    // Hash-tagged like the queues' keys, so a Redis Cluster and the test runs' clean-up treat them alike.
    const redis = new Redis({ ...redisOptions(url, true), keyPrefix: `{${prefix}}:rate:` });
    redis.defineCommand('rateLimitHit', { numberOfKeys: 1, lua: HIT });
    // Refused commands reach increment(), whose caller falls back; the connection's own errors need no log of their own.
    redis.on('error', () => undefined);
    this.redis = redis as WithHit;
  }

  async increment(key: string, ttl: number, limit: number, blockDuration: number): Promise<ThrottlerStorageRecord> {
    const [hits, msLeft] = await this.redis.rateLimitHit(key, ttl, limit, blockDuration);
    return windowRecord(hits, msLeft, limit);
  }

  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}
