import { plainToInstance } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';

/** Secrets that make development start with no environment at all; production refuses them. */
export const DEVELOPMENT_JWT_SECRET = 'development-only-jwt-secret-do-not-deploy';
export const DEVELOPMENT_SEED_PASSWORD = 'Nanguan@2026';

export const PROCESS_ROLES = ['api', 'worker', 'all'] as const;
export type ProcessRole = (typeof PROCESS_ROLES)[number];
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * Where the system runs, chosen by the environment alone (DESIGN.md "Where it runs"):
 * no DATABASE_URL -> embedded PGlite; DATABASE_URL only -> BullMQ on PostgreSQL;
 * DATABASE_URL + REDIS_URL -> BullMQ on Redis.
 */
export type RunMode = 'embedded' | 'single-server' | 'production';

/** The raw environment, as strings; validated as a whole so every problem is listed at once. */
class Environment {
  @IsOptional() @IsIn(['development', 'production', 'test'])
  NODE_ENV?: string;

  @IsOptional() @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL?: string;

  @IsOptional() @Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL must be a redis:// or rediss:// URL' })
  REDIS_URL?: string;

  @IsOptional() @IsInt() @Min(0) @Max(65535)
  PORT?: number;

  @IsOptional() @IsString()
  HOST?: string;

  @IsOptional() @IsString() @MinLength(1)
  DATA_DIR?: string;

  @IsOptional() @IsString() @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET?: string;

  @IsOptional() @IsInt() @Min(60) @Max(7 * 24 * 3600)
  JWT_TTL_SECONDS?: number;

  @IsOptional() @IsString() @MinLength(8, { message: 'SEED_PASSWORD must be at least 8 characters' })
  SEED_PASSWORD?: string;

  @IsOptional() @IsIn(PROCESS_ROLES)
  ROLE?: string;

  @IsOptional() @IsIn(LOG_LEVELS)
  LOG_LEVEL?: string;

  @IsOptional() @IsInt() @Min(10) @Max(60_000)
  OUTBOX_POLL_MS?: number;

  @IsOptional() @Matches(/^[a-z][a-z0-9_-]{0,30}$/, { message: 'QUEUE_PREFIX must be 1–31 lower-case letters, digits, - or _' })
  QUEUE_PREFIX?: string;

  @IsOptional() @IsInt() @Min(1) @Max(100_000)
  RATE_LIMIT_PER_MINUTE?: number;
}

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  mode: RunMode;
  role: ProcessRole;
  http: { host: string; port: number; rateLimitPerMinute: number };
  /** null in embedded mode until the embedded server has started and published its URL. */
  databaseUrl: string | null;
  redisUrl: string | null;
  dataDir: string;
  auth: { jwtSecret: string; jwtTtlSeconds: number };
  /** null when production gave none: the seed then refuses to run. */
  seedPassword: string | null;
  logLevel: LogLevel;
  outbox: { pollMs: number };
  /** Namespaces the Redis keys, so several deployments (or test runs) can share one Redis. */
  queuePrefix: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const INT_KEYS = ['PORT', 'JWT_TTL_SECONDS', 'OUTBOX_POLL_MS', 'RATE_LIMIT_PER_MINUTE'] as const;

/** Parses the environment once; throws a ConfigError listing every problem. */
export function loadConfig(source: Record<string, string | undefined>): AppConfig {
  const raw: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(source)) {
    if (value !== undefined && value !== '') raw[key] = value;
  }
  const problems: string[] = [];
  for (const key of INT_KEYS) {
    if (raw[key] === undefined) continue;
    const text = String(raw[key]);
    if (!/^\d+$/.test(text)) problems.push(`${key} must be a whole number (got "${text}")`);
    else raw[key] = Number(text);
  }
  const env = plainToInstance(Environment, raw, { excludeExtraneousValues: false });
  for (const error of validateSync(env, { skipMissingProperties: false, forbidUnknownValues: false })) {
    if (INT_KEYS.includes(error.property as (typeof INT_KEYS)[number]) && typeof raw[error.property] === 'string') continue;
    problems.push(...Object.values(error.constraints ?? {}));
  }

  const nodeEnv = (env.NODE_ENV ?? 'development') as AppConfig['env'];
  if (nodeEnv === 'production') {
    if (!env.JWT_SECRET || env.JWT_SECRET === DEVELOPMENT_JWT_SECRET) {
      problems.push('JWT_SECRET must be set to a secret of your own when NODE_ENV=production');
    }
    if (env.SEED_PASSWORD === DEVELOPMENT_SEED_PASSWORD) {
      problems.push('SEED_PASSWORD must not be the development default when NODE_ENV=production');
    }
  }
  if (env.REDIS_URL && !env.DATABASE_URL) {
    problems.push('REDIS_URL needs DATABASE_URL: the embedded mode keeps its queue in the embedded database');
  }
  if (problems.length > 0) throw new ConfigError(problems);

  const databaseUrl = env.DATABASE_URL ?? null;
  const redisUrl = env.REDIS_URL ?? null;
  return {
    env: nodeEnv,
    mode: databaseUrl === null ? 'embedded' : redisUrl === null ? 'single-server' : 'production',
    role: (env.ROLE ?? 'all') as ProcessRole,
    http: {
      host: env.HOST ?? (databaseUrl === null ? '127.0.0.1' : '0.0.0.0'),
      port: env.PORT ?? 3000,
      rateLimitPerMinute: env.RATE_LIMIT_PER_MINUTE ?? 600,
    },
    databaseUrl,
    redisUrl,
    dataDir: env.DATA_DIR ?? './data',
    auth: { jwtSecret: env.JWT_SECRET ?? DEVELOPMENT_JWT_SECRET, jwtTtlSeconds: env.JWT_TTL_SECONDS ?? 8 * 3600 },
    seedPassword: env.SEED_PASSWORD ?? (nodeEnv === 'production' ? null : DEVELOPMENT_SEED_PASSWORD),
    logLevel: (env.LOG_LEVEL ?? (nodeEnv === 'test' ? 'warn' : 'info')) as LogLevel,
    outbox: { pollMs: env.OUTBOX_POLL_MS ?? 250 },
    queuePrefix: env.QUEUE_PREFIX ?? 'ywtb',
  };
}

/** Injection token for the AppConfig object. */
export const APP_CONFIG = Symbol('APP_CONFIG');
