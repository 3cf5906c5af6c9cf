import { isIP } from 'node:net';
import { parseKey, type KeyRing } from '@app/field-crypto';
import { plainToInstance } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';

/**
 * Secrets that make development start with no environment at all. The JWT secret is published, so it is
 * accepted only by an embedded system listening on loopback, where nobody else can reach it.
 */
export const DEVELOPMENT_JWT_SECRET = 'development-only-jwt-secret-do-not-deploy';
export const DEVELOPMENT_SEED_PASSWORD = 'Nanguan@2026';
/** 20 MiB: a scanned multi-page PDF fits; a video does not. */
export const DEFAULT_MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

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

  @IsOptional() @IsInt() @Min(300) @Max(365 * 24 * 3600)
  REFRESH_TOKEN_TTL_SECONDS?: number;

  // Sign-in through the province's identity provider (统一身份认证); all three of issuer, id and secret, or none.
  @IsOptional() @Matches(/^https?:\/\/\S+$/, { message: 'OIDC_ISSUER must be an http(s) URL' })
  OIDC_ISSUER?: string;

  @IsOptional() @IsString() @MinLength(1)
  OIDC_CLIENT_ID?: string;

  @IsOptional() @IsString() @MinLength(1)
  OIDC_CLIENT_SECRET?: string;

  @IsOptional() @Matches(/^[A-Za-z_][\w.:-]{0,99}$/, { message: 'OIDC_ID_NUMBER_CLAIM must be a claim name' })
  OIDC_ID_NUMBER_CLAIM?: string;

  @IsOptional() @Matches(/^[A-Za-z_][\w.:-]{0,99}$/, { message: 'OIDC_NAME_CLAIM must be a claim name' })
  OIDC_NAME_CLAIM?: string;

  @IsOptional() @Matches(/^https?:\/\/\S+$/, { message: 'OIDC_REDIRECT_URI must be an http(s) URL' })
  OIDC_REDIRECT_URI?: string;

  @IsOptional() @IsString() @MinLength(1)
  OIDC_SCOPE?: string;

  @IsOptional() @IsString() @MinLength(32, { message: 'METRICS_TOKEN must be at least 32 characters' })
  METRICS_TOKEN?: string;

  @IsOptional() @IsString()
  TRUST_PROXY?: string;

  @IsOptional() @IsString() @MinLength(8, { message: 'SEED_PASSWORD must be at least 8 characters' })
  SEED_PASSWORD?: string;

  @IsOptional() @IsIn(PROCESS_ROLES)
  ROLE?: string;

  @IsOptional() @IsIn(LOG_LEVELS)
  LOG_LEVEL?: string;

  @IsOptional() @IsInt() @Min(10) @Max(60_000)
  OUTBOX_POLL_MS?: number;

  @IsOptional() @IsInt() @Min(1) @Max(24 * 3600)
  TASK_LEASE_SECONDS?: number;

  @IsOptional() @Matches(/^[a-z][a-z0-9_-]{0,30}$/, { message: 'QUEUE_PREFIX must be 1–31 lower-case letters, digits, - or _' })
  QUEUE_PREFIX?: string;

  @IsOptional() @IsInt() @Min(1) @Max(100_000)
  RATE_LIMIT_PER_MINUTE?: number;

  @IsOptional() @IsInt() @Min(1) @Max(100_000)
  LOGIN_RATE_LIMIT_PER_MINUTE?: number;

  @IsOptional() @IsInt() @Min(1) @Max(1024 * 1024 * 1024, { message: 'MAX_UPLOAD_BYTES must not exceed 1 GiB' })
  MAX_UPLOAD_BYTES?: number;

  // Risk monitor (电子监察) thresholds; see RiskThresholds for what each means.
  @IsOptional() @IsInt() @Min(60) @Max(24 * 3600)
  RISK_SCAN_EVERY_SECONDS?: number;

  @IsOptional() @IsInt() @Min(0) @Max(30)
  RISK_YELLOW_REMAINING_DAYS?: number;

  @IsOptional() @IsInt() @Min(1) @Max(2000)
  RISK_UNCLAIMED_HOURS?: number;

  @IsOptional() @IsInt() @Min(1) @Max(2000)
  RISK_STALLED_HOURS?: number;

  @IsOptional() @IsInt() @Min(1) @Max(2000)
  RISK_ESCALATION_HOURS?: number;

  @IsOptional() @IsInt() @Min(5) @Max(1_000_000)
  RISK_FAST_MIN_SAMPLE?: number;

  @IsOptional() @IsInt() @Min(0) @Max(100)
  RISK_AUTO_SAMPLE_PERCENT?: number;

  @IsOptional() @IsInt() @Min(1) @Max(10_000)
  RISK_BENEFIT_JUMP_PERCENT?: number;

  @IsOptional() @IsInt() @Min(1) @Max(90)
  RISK_REVIEW_LOOKBACK_DAYS?: number;

  @IsOptional() @IsInt() @Min(5) @Max(24 * 60)
  RISK_REVIEW_EVERY_MINUTES?: number;

  @IsOptional() @IsIn(['true', 'false'])
  RISK_AUTO_REASSIGN?: string;

  // Keys kept outside the database (docs/security-keys.md); checked by readKeys, as they need more than a pattern.
  @IsOptional() @IsString()
  DATA_KEY?: string;

  @IsOptional() @IsString()
  DATA_KEY_PREVIOUS?: string;

  @IsOptional() @IsString()
  HISTORY_KEY?: string;

  @IsOptional() @IsString()
  HISTORY_KEY_PREVIOUS?: string;

  @IsOptional() @Matches(/^[0-9a-f]{8}(,[0-9a-f]{8})*$/, { message: 'HISTORY_KEY_LOST_IDS must be key ids (8 hex digits), comma-separated' })
  HISTORY_KEY_LOST_IDS?: string;

  @IsOptional() @IsString()
  HISTORY_SIGNING_KEY?: string;

  @IsOptional() @IsString()
  HISTORY_VERIFY_KEYS?: string;

  @IsOptional() @IsInt() @Min(60) @Max(24 * 3600)
  HISTORY_CHECKPOINT_EVERY_SECONDS?: number;

  @IsOptional() @IsInt() @Min(1) @Max(3600)
  TIMER_RECONCILE_SECONDS?: number;
  // Notifications that leave the system (docs/notifications.md).
  @IsOptional() @Matches(/^https?:\/\/.+/, { message: 'SMS_WEBHOOK_URL must be an http:// or https:// URL' })
  SMS_WEBHOOK_URL?: string;

  @IsOptional() @IsString() @MinLength(16, { message: 'SMS_WEBHOOK_SECRET must be at least 16 characters' })
  SMS_WEBHOOK_SECRET?: string;

  @IsOptional() @Matches(/^smtps?:\/\/.+/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  @IsOptional() @IsString() @MinLength(3)
  MAIL_FROM?: string;

  @IsOptional() @IsInt() @Min(1) @Max(50)
  NOTIFY_MAX_ATTEMPTS?: number;

  @IsOptional() @IsInt() @Min(10) @Max(3_600_000)
  NOTIFY_RETRY_BASE_MS?: number;

  @IsOptional() @IsInt() @Min(1000) @Max(60_000)
  NOTIFY_TIMEOUT_MS?: number;

  @IsOptional() @IsIn(['true', 'false'])
  WEBHOOK_ALLOW_PRIVATE_TARGETS?: string;
}

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  mode: RunMode;
  role: ProcessRole;
  http: {
    host: string;
    port: number;
    /** Requests per minute and route: per account when signed in, per client address otherwise. */
    rateLimitPerMinute: number;
    /** Sign-in attempts per minute and client address. */
    loginRateLimitPerMinute: number;
    /** Express `trust proxy`: how many proxy hops, or which proxy addresses, may name the client in X-Forwarded-For. */
    trustProxy: TrustProxy;
  };
  /** null in embedded mode until the embedded server has started and published its URL. */
  databaseUrl: string | null;
  redisUrl: string | null;
  dataDir: string;
  auth: {
    /** null: no JWT_SECRET and not embedded on loopback, so the secret is generated once and kept in the database. */
    jwtSecret: string | null;
    jwtTtlSeconds: number;
    /** How long a refresh token (and so a session nobody uses) lives. */
    refreshTtlSeconds: number;
    /** A bearer token for the Prometheus scraper at /api/metrics, besides an admin's; null: admins only. */
    metricsToken: string | null;
  };
  /** The province's OpenID provider; null when OIDC_ISSUER is not set (no provider sign-in). */
  oidc: OidcConfig | null;
  /** null when production gave none: the seed then refuses to run. */
  seedPassword: string | null;
  logLevel: LogLevel;
  outbox: { pollMs: number };
  /** How long a claimed task stays with an idle clerk before others may claim it. */
  taskLeaseSeconds: number;
  /** Namespaces the Redis keys, so several deployments (or test runs) can share one Redis. */
  queuePrefix: string;
  /** The largest file `POST /api/files` accepts. */
  maxUploadBytes: number;
  risk: RiskThresholds;
  /** Keys from the environment; a null one is kept under DATA_DIR instead (never in production): see src/keys. */
  keys: ConfiguredKeys;
  /** How often all cases' history chain heads are signed (a cluster-wide job). */
  historyCheckpointEverySeconds: number;
  /** How often the timer reconciler re-enqueues timers and schedules the queue backend lost. */
  timerReconcileSeconds: number;
  notifications: NotificationSettings;
}

/** Where SMS, e-mail and webhooks go, and how they are retried (docs/notifications.md). */
export interface NotificationSettings {
  /** null: no SMS gateway, so no SMS is recorded (the inbox still is). */
  sms: { url: string; secret: string } | null;
  /** null: no e-mail. */
  smtp: { url: string; from: string } | null;
  /** Attempts in all per message and per webhook delivery; the backoff doubles from `retryBaseMs`, capped at an hour. */
  maxAttempts: number;
  retryBaseMs: number;
  retryMaxMs: number;
  /** How long one HTTP or SMTP attempt may take. */
  timeoutMs: number;
  /** Lets webhooks target loopback and private addresses (a gateway on the same network); off by default (SSRF). */
  allowPrivateWebhookTargets: boolean;
}

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The claim that carries the 居民身份证 number (providers name it differently). */
  idNumberClaim: string;
  nameClaim: string;
  scope: string;
  /** The callback URL registered with the provider; null: derived from each request's host. */
  redirectUri: string | null;
}

/** The secret keys that protect data against whoever can read or write the database. */
export interface ConfiguredKeys {
  /** DATA_KEY (+ DATA_KEY_PREVIOUS): encrypts ID numbers and keys their look-up hashes. */
  data: KeyRing | null;
  /** HISTORY_KEY (+ HISTORY_KEY_PREVIOUS): keys the case history hash chains. */
  history: KeyRing | null;
  /** HISTORY_KEY_LOST_IDS: ids of history keys known lost; their rows can no longer be verified, and start-up accepts that. */
  historyLostIds: string[];
  /** HISTORY_SIGNING_KEY: the Ed25519 seed that signs history checkpoints. */
  historySigning: Buffer | null;
  /** HISTORY_VERIFY_KEYS: the public keys of earlier signing keys, so their checkpoints still verify. */
  historyVerifyKeys: Buffer[];
}

/** What the risk monitor (电子监察) flags, and when; working hours are office hours of working days. */
export interface RiskThresholds {
  /** How often the cluster-wide scan runs. */
  scanEverySeconds: number;
  /** A deadline is yellow once at most this many working days are left after the current one. */
  yellowRemainingDays: number;
  /** An open task nobody claimed for this many working hours is flagged. */
  unclaimedHours: number;
  /** An open case with no event for this many working hours is flagged. */
  stalledHours: number;
  /** An unacknowledged flag goes to the department after this many working hours, to supervisors after twice as many. */
  escalationHours: number;
  /** When a task's flag escalates, give the task to the least-loaded clerk of its department (off by default). */
  autoReassign: boolean;
  /** Finished cases an item needs (trailing year) before its 5th percentile can call a decision too fast. */
  fastMinSample: number;
  /** Share of 秒批 approvals picked for review afterwards. */
  autoSamplePercent: number;
  /** A benefit run whose eligible count moves by more than this share of the previous run's is flagged. */
  benefitJumpPercent: number;
  /** How far back finished cases, failed jobs and benefit runs are looked at. */
  reviewLookbackDays: number;
  /** How often a scan also reviews the decided cases (decisions too fast, the 秒批 sample). */
  reviewEveryMinutes: number;
}

/** A hop count (0 trusts no proxy), or the addresses and CIDR ranges of trusted proxies. */
export type TrustProxy = number | string[];

/** proxy-addr's names for the reserved ranges, which Express accepts beside addresses and CIDRs. */
const PROXY_RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/** TRUST_PROXY as Express takes it, or a sentence saying what is wrong with it. */
export function parseTrustProxy(text: string): { trustProxy: TrustProxy } | { problem: string } {
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    return hops <= 10 ? { trustProxy: hops } : { problem: 'TRUST_PROXY as a hop count must be at most 10' };
  }
  const entries = text.split(',').map((entry) => entry.trim());
  const bad = entries.filter((entry) => !PROXY_RANGE_NAMES.includes(entry) && !isAddressOrRange(entry));
  if (bad.length > 0) {
    return { problem: `TRUST_PROXY must be a hop count or a comma-separated list of IP addresses, CIDR ranges or ${PROXY_RANGE_NAMES.join('/')} (not: ${bad.join(', ')})` };
  }
  return { trustProxy: entries };
}

function isAddressOrRange(entry: string): boolean {
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
}

/** Reachable from this machine only. */
function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const RISK_KEYS = [
  'RISK_SCAN_EVERY_SECONDS', 'RISK_YELLOW_REMAINING_DAYS', 'RISK_UNCLAIMED_HOURS', 'RISK_STALLED_HOURS', 'RISK_ESCALATION_HOURS',
  'RISK_FAST_MIN_SAMPLE', 'RISK_AUTO_SAMPLE_PERCENT', 'RISK_BENEFIT_JUMP_PERCENT', 'RISK_REVIEW_LOOKBACK_DAYS', 'RISK_REVIEW_EVERY_MINUTES',
] as const;
const INT_KEYS = [
  'PORT', 'JWT_TTL_SECONDS', 'REFRESH_TOKEN_TTL_SECONDS', 'OUTBOX_POLL_MS', 'RATE_LIMIT_PER_MINUTE', 'LOGIN_RATE_LIMIT_PER_MINUTE',
  'MAX_UPLOAD_BYTES', 'TASK_LEASE_SECONDS', 'HISTORY_CHECKPOINT_EVERY_SECONDS', 'TIMER_RECONCILE_SECONDS',
  'NOTIFY_MAX_ATTEMPTS', 'NOTIFY_RETRY_BASE_MS', 'NOTIFY_TIMEOUT_MS', ...RISK_KEYS,
] as const;

/** A comma-separated list of keys; each bad one is a problem named by its place in the list. */
function keyList(name: string, text: string | undefined, problems: string[]): Buffer[] {
  if (text === undefined) return [];
  return text.split(',').flatMap((item, i, all) => {
    const parsed = parseKey(item);
    if (parsed.ok) return [parsed.key];
    problems.push(`${name}${all.length > 1 ? ` (item ${i + 1})` : ''} ${parsed.message}`);
    return [];
  });
}

/** The keys of the environment; production must give every one (a key under DATA_DIR sits beside the data it protects). */
function readKeys(env: Environment, production: boolean, problems: string[]): ConfiguredKeys {
  const ring = (name: string, current: string | undefined, previous: string | undefined): KeyRing | null => {
    const [key] = keyList(name, current, problems);
    const older = keyList(`${name}_PREVIOUS`, previous, problems);
    if (current === undefined && previous !== undefined) problems.push(`${name}_PREVIOUS needs ${name}: the older keys only open what they protected before`);
    if (current === undefined && production) problems.push(`${name} must be set when NODE_ENV=production (docs/security-keys.md)`);
    return key ? { current: key, previous: older } : null;
  };
  const data = ring('DATA_KEY', env.DATA_KEY, env.DATA_KEY_PREVIOUS);
  const history = ring('HISTORY_KEY', env.HISTORY_KEY, env.HISTORY_KEY_PREVIOUS);
  const [historySigning] = keyList('HISTORY_SIGNING_KEY', env.HISTORY_SIGNING_KEY, problems);
  const historyVerifyKeys = keyList('HISTORY_VERIFY_KEYS', env.HISTORY_VERIFY_KEYS, problems);
  if (env.HISTORY_SIGNING_KEY === undefined && production) problems.push('HISTORY_SIGNING_KEY must be set when NODE_ENV=production (docs/security-keys.md)');
  const historyLostIds = env.HISTORY_KEY_LOST_IDS?.split(',') ?? [];
  return { data, history, historyLostIds, historySigning: historySigning ?? null, historyVerifyKeys };
}

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

  const databaseUrl = env.DATABASE_URL ?? null;
  const redisUrl = env.REDIS_URL ?? null;
  const mode: RunMode = databaseUrl === null ? 'embedded' : redisUrl === null ? 'single-server' : 'production';
  const host = env.HOST ?? (mode === 'embedded' ? '127.0.0.1' : '0.0.0.0');
  const developmentSecretAllowed = mode === 'embedded' && isLoopback(host);
  let trustProxy: TrustProxy = 0;
  if (env.TRUST_PROXY !== undefined) {
    const parsed = parseTrustProxy(env.TRUST_PROXY);
    if ('problem' in parsed) problems.push(parsed.problem);
    else trustProxy = parsed.trustProxy;
  }

  const nodeEnv = (env.NODE_ENV ?? 'development') as AppConfig['env'];
  if (nodeEnv === 'production') {
    if (!env.JWT_SECRET || env.JWT_SECRET === DEVELOPMENT_JWT_SECRET) {
      problems.push('JWT_SECRET must be set to a secret of your own when NODE_ENV=production');
    }
    if (env.SEED_PASSWORD === DEVELOPMENT_SEED_PASSWORD) {
      problems.push('SEED_PASSWORD must not be the development default when NODE_ENV=production');
    }
  } else if (env.JWT_SECRET === DEVELOPMENT_JWT_SECRET && !developmentSecretAllowed) {
    problems.push('JWT_SECRET must not be the published development secret unless the system is embedded and listens on loopback only');
  }
  const keys = readKeys(env, nodeEnv === 'production', problems);
  if (env.REDIS_URL && !env.DATABASE_URL) {
    problems.push('REDIS_URL needs DATABASE_URL: the embedded mode keeps its queue in the embedded database');
  }
  if ((env.SMS_WEBHOOK_URL === undefined) !== (env.SMS_WEBHOOK_SECRET === undefined)) {
    problems.push('SMS_WEBHOOK_URL and SMS_WEBHOOK_SECRET go together: the gateway checks the signature');
  }
  if ((env.SMTP_URL === undefined) !== (env.MAIL_FROM === undefined)) problems.push('SMTP_URL and MAIL_FROM go together');
  const oidcSet = [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET].filter((v) => v !== undefined).length;
  if (oidcSet > 0 && oidcSet < 3) problems.push('OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET go together: set all three or none');
  if (problems.length > 0) throw new ConfigError(problems);

  return {
    env: nodeEnv,
    mode,
    role: (env.ROLE ?? 'all') as ProcessRole,
    http: {
      host,
      port: env.PORT ?? 3000,
      rateLimitPerMinute: env.RATE_LIMIT_PER_MINUTE ?? 600,
      loginRateLimitPerMinute: env.LOGIN_RATE_LIMIT_PER_MINUTE ?? 20,
      trustProxy,
    },
    databaseUrl,
    redisUrl,
    dataDir: env.DATA_DIR ?? './data',
    auth: {
      jwtSecret: env.JWT_SECRET ?? (developmentSecretAllowed ? DEVELOPMENT_JWT_SECRET : null),
      jwtTtlSeconds: env.JWT_TTL_SECONDS ?? 15 * 60,
      refreshTtlSeconds: env.REFRESH_TOKEN_TTL_SECONDS ?? 30 * 24 * 3600,
      metricsToken: env.METRICS_TOKEN ?? null,
    },
    oidc:
      env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET
        ? {
            issuer: env.OIDC_ISSUER,
            clientId: env.OIDC_CLIENT_ID,
            clientSecret: env.OIDC_CLIENT_SECRET,
            idNumberClaim: env.OIDC_ID_NUMBER_CLAIM ?? 'id_number',
            nameClaim: env.OIDC_NAME_CLAIM ?? 'name',
            scope: env.OIDC_SCOPE ?? 'openid profile',
            redirectUri: env.OIDC_REDIRECT_URI ?? null,
          }
        : null,
    seedPassword: env.SEED_PASSWORD ?? (nodeEnv === 'production' ? null : DEVELOPMENT_SEED_PASSWORD),
    logLevel: (env.LOG_LEVEL ?? (nodeEnv === 'test' ? 'warn' : 'info')) as LogLevel,
    outbox: { pollMs: env.OUTBOX_POLL_MS ?? 250 },
    queuePrefix: env.QUEUE_PREFIX ?? 'ywtb',
    taskLeaseSeconds: env.TASK_LEASE_SECONDS ?? 1800,
    maxUploadBytes: env.MAX_UPLOAD_BYTES ?? DEFAULT_MAX_UPLOAD_BYTES,
    risk: {
      scanEverySeconds: env.RISK_SCAN_EVERY_SECONDS ?? 300,
      yellowRemainingDays: env.RISK_YELLOW_REMAINING_DAYS ?? 1,
      unclaimedHours: env.RISK_UNCLAIMED_HOURS ?? 4,
      stalledHours: env.RISK_STALLED_HOURS ?? 16,
      escalationHours: env.RISK_ESCALATION_HOURS ?? 8,
      autoReassign: env.RISK_AUTO_REASSIGN === 'true',
      fastMinSample: env.RISK_FAST_MIN_SAMPLE ?? 20,
      autoSamplePercent: env.RISK_AUTO_SAMPLE_PERCENT ?? 5,
      benefitJumpPercent: env.RISK_BENEFIT_JUMP_PERCENT ?? 50,
      reviewLookbackDays: env.RISK_REVIEW_LOOKBACK_DAYS ?? 7,
      reviewEveryMinutes: env.RISK_REVIEW_EVERY_MINUTES ?? 60,
    },
    keys,
    historyCheckpointEverySeconds: env.HISTORY_CHECKPOINT_EVERY_SECONDS ?? 900,
    timerReconcileSeconds: env.TIMER_RECONCILE_SECONDS ?? 60,
    notifications: {
      sms: env.SMS_WEBHOOK_URL && env.SMS_WEBHOOK_SECRET ? { url: env.SMS_WEBHOOK_URL, secret: env.SMS_WEBHOOK_SECRET } : null,
      smtp: env.SMTP_URL && env.MAIL_FROM ? { url: env.SMTP_URL, from: env.MAIL_FROM } : null,
      maxAttempts: env.NOTIFY_MAX_ATTEMPTS ?? 8,
      retryBaseMs: env.NOTIFY_RETRY_BASE_MS ?? 30_000,
      retryMaxMs: 3_600_000,
      timeoutMs: env.NOTIFY_TIMEOUT_MS ?? 10_000,
      allowPrivateWebhookTargets: env.WEBHOOK_ALLOW_PRIVATE_TARGETS === 'true',
    },
  };
}

/** Injection token for the AppConfig object. */
export const APP_CONFIG = Symbol('APP_CONFIG');
