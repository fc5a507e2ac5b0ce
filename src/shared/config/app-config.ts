import * as path from 'node:path';

export const APP_CONFIG = Symbol('APP_CONFIG');

export interface AppConfig {
  port: number;
  host: string;
  /** Where the embedded stores keep their SQLite files. */
  dataDir: string;
  /** When set, events go to EventStoreDB instead of the embedded store. */
  eventStoreDbConnectionString?: string;
  /** When set, read models go to MongoDB instead of the embedded store. */
  mongoUri?: string;
  mongoDatabase: string;
  /** IANA time zone of the company: calendar months and business dates are taken in it. */
  timeZone: string;
  /** Start the projector in this process (turn off for a write-only instance). */
  runProjections: boolean;
  /** Registered as the admin credential on a first start with no credentials (automation, tests). */
  bootstrapAdminToken?: string;
  /** Requests per principal (per client address when unauthenticated) per minute; 0: no limit. */
  rateLimitPerMinute: number;
  /** Largest request body accepted, in bytes; larger is a 413. */
  maxBodyBytes: number;
  /** Largest rulebook version accepted by POST /rulebook/versions, in bytes; larger is a 413. */
  maxRulebookBodyBytes: number;
  /** `load`: a first start on an empty rulebook publishes the shipped default; `none`: it starts without one. */
  defaultRulebook: 'load' | 'none';
  /** How often the deadline watcher looks for passed deadlines; 0 turns its timer off. */
  deadlineWatchIntervalMs: number;
  /** Run the sagas (derived commands) in this process; defaults to RUN_PROJECTIONS. */
  runSagas: boolean;
  /** Attempts in all for a derived command failing with a transient error before it is parked. */
  sagaRetryAttempts: number;
  /** First wait between attempts of a derived command; doubles each time up to the max. */
  sagaRetryBaseDelayMs: number;
  sagaRetryMaxDelayMs: number;
  /** `/health` says the sagas are degraded when the runner is further behind the head than this. */
  healthMaxSagaLag: number;
  /** On SIGTERM/SIGINT, the bound for draining requests, stopping subscriptions and exiting, in ms. */
  shutdownTimeoutMs: number;
  /** How long a lease on background work (projections, sagas) lasts without renewal, in ms. */
  leaseTtlMs: number;
  /** A read model further than this many events behind the store's head makes /health degraded. */
  healthMaxProjectionLag?: number;
  /**
   * The Ed25519 private key (PEM) that signs the chain's checkpoints, kept outside the data folder.
   * Unset: a key is made once in `<dataDir>/integrity/` and GET /integrity says so (docs/integrity.md).
   */
  signingKeyFile?: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const timeZone = env.COMPANY_TIME_ZONE ?? 'Asia/Shanghai';
  const runProjections = env.RUN_PROJECTIONS !== 'false';
  assertTimeZone(timeZone);
  return {
    port: integer(env.PORT ?? '3000', 'PORT'),
    host: env.HOST ?? '127.0.0.1',
    dataDir: path.resolve(env.DATA_DIR ?? 'data'),
    eventStoreDbConnectionString: nonEmpty(env.EVENTSTOREDB_CONNECTION_STRING),
    mongoUri: nonEmpty(env.MONGODB_URI),
    mongoDatabase: env.MONGODB_DATABASE ?? 'assessment_ledger',
    timeZone,
    runProjections,
    bootstrapAdminToken: nonEmpty(env.BOOTSTRAP_ADMIN_TOKEN),
    rateLimitPerMinute: integer(env.RATE_LIMIT_PER_MINUTE ?? '600000', 'RATE_LIMIT_PER_MINUTE'),
    maxBodyBytes: integer(env.MAX_BODY_BYTES ?? '102400', 'MAX_BODY_BYTES'),
    maxRulebookBodyBytes: integer(env.MAX_RULEBOOK_BODY_BYTES ?? '1048576', 'MAX_RULEBOOK_BODY_BYTES'),
    defaultRulebook: oneOf(env.DEFAULT_RULEBOOK ?? 'load', ['load', 'none'] as const, 'DEFAULT_RULEBOOK'),
    deadlineWatchIntervalMs: integer(env.DEADLINE_WATCH_INTERVAL_MS ?? '30000', 'DEADLINE_WATCH_INTERVAL_MS'),
    runSagas: env.RUN_SAGAS === undefined || env.RUN_SAGAS === '' ? runProjections : env.RUN_SAGAS !== 'false',
    sagaRetryAttempts: Math.max(1, integer(env.SAGA_RETRY_ATTEMPTS ?? '5', 'SAGA_RETRY_ATTEMPTS')),
    sagaRetryBaseDelayMs: integer(env.SAGA_RETRY_BASE_DELAY_MS ?? '200', 'SAGA_RETRY_BASE_DELAY_MS'),
    sagaRetryMaxDelayMs: integer(env.SAGA_RETRY_MAX_DELAY_MS ?? '10000', 'SAGA_RETRY_MAX_DELAY_MS'),
    healthMaxSagaLag: integer(env.HEALTH_MAX_SAGA_LAG ?? '1000', 'HEALTH_MAX_SAGA_LAG'),
    shutdownTimeoutMs: integer(env.SHUTDOWN_TIMEOUT_MS ?? '10000', 'SHUTDOWN_TIMEOUT_MS'),
    leaseTtlMs: integer(env.LEASE_TTL_MS ?? '15000', 'LEASE_TTL_MS'),
    healthMaxProjectionLag: integer(env.HEALTH_MAX_PROJECTION_LAG ?? '1000', 'HEALTH_MAX_PROJECTION_LAG'),
    signingKeyFile: nonEmpty(env.SIGNING_KEY_FILE) && path.resolve(env.SIGNING_KEY_FILE!.trim()),
  };
}

function oneOf<T extends string>(value: string, allowed: readonly T[], name: string): T {
  if (!(allowed as readonly string[]).includes(value)) throw new Error(`${name} must be one of ${allowed.join(', ')}, got "${value}"`);
  return value as T;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value && value.trim() !== '' ? value.trim() : undefined;
}

function integer(value: string, name: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new Error(`${name} must be a non-negative integer, got "${value}"`);
  return parsed;
}

function assertTimeZone(timeZone: string): void {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
  } catch {
    throw new Error(`COMPANY_TIME_ZONE must be an IANA time zone such as Asia/Shanghai, got "${timeZone}"`);
  }
}
