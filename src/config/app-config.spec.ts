import { describe, expect, it } from 'vitest';
import { ConfigError, DEVELOPMENT_JWT_SECRET, loadConfig } from './app-config.js';

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

  it('has no seed password in production unless one is given', () => {
    const config = loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) });
    expect(config.seedPassword).toBeNull();
  });

  it('refuses a Redis queue without a database', () => {
    expect(problemsOf({ REDIS_URL: 'redis://127.0.0.1:6379' })).toHaveLength(1);
  });
});
