import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_MAX_UPLOAD_BYTES, DEVELOPMENT_JWT_SECRET, loadConfig } from './app-config.js';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('loadConfig', () => {
  it('works with no environment at all, in embedded mode', () => {
    const config = loadConfig({});
    expect(config.mode).toBe('embedded');
    expect(config.role).toBe('all');
    expect(config.databaseUrl).toBeNull();
    expect(config.dataDir).toBe('./data');
    expect(config.http.port).toBe(3000);
    expect(config.seedPassword).not.toBeNull();
  });

  it('chooses the mode from DATABASE_URL and REDIS_URL alone', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h/db' }).mode).toBe('single-server');
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h/db', REDIS_URL: 'redis://h:6379' }).mode).toBe('production');
  });

  it('lists every problem at once', () => {
    const problems = problemsOf({ PORT: 'eighty', ROLE: 'boss', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
    expect(problems).toHaveLength(4);
    expect(problems.join('\n')).toMatch(/PORT/);
    expect(problems.join('\n')).toMatch(/ROLE/);
    expect(problems.join('\n')).toMatch(/DATABASE_URL/);
    expect(problems.join('\n')).toMatch(/LOG_LEVEL/);
  });

  it('refuses the development secrets in production', () => {
    const problems = problemsOf({ NODE_ENV: 'production', JWT_SECRET: DEVELOPMENT_JWT_SECRET });
    expect(problems.some((p) => p.includes('JWT_SECRET'))).toBe(true);
    expect(problemsOf({ NODE_ENV: 'production' }).some((p) => p.includes('JWT_SECRET'))).toBe(true);
  });

  it('accepts the published development JWT secret only in embedded mode on loopback; elsewhere the secret is generated', () => {
    expect(loadConfig({}).auth.jwtSecret).toBe(DEVELOPMENT_JWT_SECRET);
    expect(loadConfig({ HOST: 'localhost', JWT_SECRET: DEVELOPMENT_JWT_SECRET }).auth.jwtSecret).toBe(DEVELOPMENT_JWT_SECRET);
    expect(loadConfig({ HOST: '0.0.0.0' }).auth.jwtSecret).toBeNull();
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h/db' }).auth.jwtSecret).toBeNull();
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h/db', REDIS_URL: 'redis://h:6379' }).auth.jwtSecret).toBeNull();
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h/db', JWT_SECRET: 'y'.repeat(32) }).auth.jwtSecret).toBe('y'.repeat(32));
    for (const env of [{ DATABASE_URL: 'postgres://u@h/db' }, { HOST: '192.168.1.10' }] as Record<string, string>[]) {
      expect(problemsOf({ ...env, JWT_SECRET: DEVELOPMENT_JWT_SECRET })).toEqual([
        'JWT_SECRET must not be the published development secret unless the system is embedded and listens on loopback only',
      ]);
    }
  });

  it('takes METRICS_TOKEN of at least 32 characters', () => {
    expect(loadConfig({}).auth.metricsToken).toBeNull();
    expect(loadConfig({ METRICS_TOKEN: 'm'.repeat(32) }).auth.metricsToken).toBe('m'.repeat(32));
    expect(problemsOf({ METRICS_TOKEN: 'short' })).toEqual(['METRICS_TOKEN must be at least 32 characters']);
  });

  it('reads TRUST_PROXY as a hop count or a list of proxy addresses and ranges', () => {
    expect(loadConfig({}).http.trustProxy).toBe(0);
    expect(loadConfig({ TRUST_PROXY: '2' }).http.trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 192.168.1.7,fd00::/8,::1,loopback' }).http.trustProxy).toEqual([
      '10.0.0.0/8', '192.168.1.7', 'fd00::/8', '::1', 'loopback',
    ]);
    expect(problemsOf({ TRUST_PROXY: '11' })).toEqual(['TRUST_PROXY as a hop count must be at most 10']);
    for (const value of ['true', '10.0.0.0/33', '10.0.0/8', '::1/129', '10.0.0.1/8/8', 'proxy.example']) {
      expect(problemsOf({ TRUST_PROXY: value }), value).toHaveLength(1);
    }
  });

  it('limits sign-in attempts per address to 20 a minute unless told otherwise', () => {
    expect(loadConfig({}).http.loginRateLimitPerMinute).toBe(20);
    expect(loadConfig({ LOGIN_RATE_LIMIT_PER_MINUTE: '5' }).http.loginRateLimitPerMinute).toBe(5);
  });

  it('has no seed password in production unless one is given', () => {
    const config = loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), ...keys() });
    expect(config.seedPassword).toBeNull();
  });

  it('caps uploads at 20 MiB unless MAX_UPLOAD_BYTES says otherwise', () => {
    expect(loadConfig({}).maxUploadBytes).toBe(DEFAULT_MAX_UPLOAD_BYTES);
    expect(DEFAULT_MAX_UPLOAD_BYTES).toBe(20 * 1024 * 1024);
    expect(loadConfig({ MAX_UPLOAD_BYTES: '1048576' }).maxUploadBytes).toBe(1_048_576);
    expect(problemsOf({ MAX_UPLOAD_BYTES: '20MB' })).toEqual(['MAX_UPLOAD_BYTES must be a whole number (got "20MB")']);
    expect(problemsOf({ MAX_UPLOAD_BYTES: '0' })).toHaveLength(1);
    expect(problemsOf({ MAX_UPLOAD_BYTES: String(2 * 1024 ** 3) })).toEqual(['MAX_UPLOAD_BYTES must not exceed 1 GiB']);
  });

  it('reads the risk monitor thresholds, with defaults, and refuses nonsense', () => {
    expect(loadConfig({}).risk).toEqual({
      scanEverySeconds: 300,
      yellowRemainingDays: 1,
      unclaimedHours: 4,
      stalledHours: 16,
      escalationHours: 8,
      fastMinSample: 20,
      autoSamplePercent: 5,
      benefitJumpPercent: 50,
      reviewLookbackDays: 7,
      reviewEveryMinutes: 60,
      autoReassign: false,
    });
    expect(loadConfig({ RISK_AUTO_SAMPLE_PERCENT: '100', RISK_STALLED_HOURS: '24', RISK_AUTO_REASSIGN: 'true' }).risk).toMatchObject({ autoSamplePercent: 100, stalledHours: 24, autoReassign: true });
    const problems = problemsOf({ RISK_AUTO_SAMPLE_PERCENT: '101', RISK_SCAN_EVERY_SECONDS: '5', RISK_UNCLAIMED_HOURS: '4h', RISK_AUTO_REASSIGN: 'yes' });
    expect(problems).toHaveLength(4);
    expect(problems.join('\n')).toMatch(/RISK_AUTO_REASSIGN/);
    expect(problems.join('\n')).toMatch(/RISK_UNCLAIMED_HOURS must be a whole number/);
  });

  it('refuses a Redis queue without a database', () => {
    expect(problemsOf({ REDIS_URL: 'redis://127.0.0.1:6379' })).toHaveLength(1);
  });

  it('reads the keys as hex or base64, with older ones for rotation', () => {
    const [data, old, history, signing, verify] = [0, 1, 2, 3, 4].map(() => randomBytes(32));
    const config = loadConfig({
      DATA_KEY: data.toString('hex'),
      DATA_KEY_PREVIOUS: old.toString('base64'),
      HISTORY_KEY: history.toString('base64url'),
      HISTORY_SIGNING_KEY: signing.toString('base64'),
      HISTORY_VERIFY_KEYS: `${verify.toString('base64')},${old.toString('hex')}`,
    });
    expect(config.keys).toEqual({ data: { current: data, previous: [old] }, history: { current: history, previous: [] }, historyLostIds: [], historySigning: signing, historyVerifyKeys: [verify, old] });
    expect(loadConfig({}).keys).toEqual({ data: null, history: null, historyLostIds: [], historySigning: null, historyVerifyKeys: [] });
    expect(loadConfig({ HISTORY_KEY_LOST_IDS: '0a1b2c3d,ffffffff' }).keys.historyLostIds).toEqual(['0a1b2c3d', 'ffffffff']);
    expect(problemsOf({ HISTORY_KEY_LOST_IDS: 'old key' })).toHaveLength(1);
    expect(loadConfig({}).historyCheckpointEverySeconds).toBe(900);
  });

  it('refuses keys that are not 32 bytes, each named, and older keys without a current one', () => {
    const problems = problemsOf({ DATA_KEY: 'correct horse battery staple', HISTORY_KEY_PREVIOUS: randomBytes(32).toString('hex'), HISTORY_VERIFY_KEYS: `${randomBytes(32).toString('hex')},abc` });
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/^DATA_KEY must be 32 random bytes/);
    expect(problems.join('\n')).toMatch(/HISTORY_KEY_PREVIOUS needs HISTORY_KEY/);
    expect(problems.join('\n')).toMatch(/HISTORY_VERIFY_KEYS \(item 2\) must be 32 random bytes/);
  });

  it('requires every key in production, where none may be kept beside the data', () => {
    const problems = problemsOf({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) });
    expect(problems).toEqual([
      'DATA_KEY must be set when NODE_ENV=production (docs/security-keys.md)',
      'HISTORY_KEY must be set when NODE_ENV=production (docs/security-keys.md)',
      'HISTORY_SIGNING_KEY must be set when NODE_ENV=production (docs/security-keys.md)',
    ]);
  });
});

function keys(): Record<string, string> {
  return { DATA_KEY: randomBytes(32).toString('hex'), HISTORY_KEY: randomBytes(32).toString('hex'), HISTORY_SIGNING_KEY: randomBytes(32).toString('hex') };
}
