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
  /** How often the deadline watcher looks for passed deadlines; 0 turns its timer off. */
  deadlineWatchIntervalMs: number;
  /** A read model further than this many events behind the store's head makes /health degraded. */
  healthMaxProjectionLag?: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const timeZone = env.COMPANY_TIME_ZONE ?? 'Asia/Shanghai';
  assertTimeZone(timeZone);
  return {
    port: integer(env.PORT ?? '3000', 'PORT'),
    host: env.HOST ?? '127.0.0.1',
    dataDir: path.resolve(env.DATA_DIR ?? 'data'),
    eventStoreDbConnectionString: nonEmpty(env.EVENTSTOREDB_CONNECTION_STRING),
    mongoUri: nonEmpty(env.MONGODB_URI),
    mongoDatabase: env.MONGODB_DATABASE ?? 'assessment_ledger',
    timeZone,
    runProjections: env.RUN_PROJECTIONS !== 'false',
    bootstrapAdminToken: nonEmpty(env.BOOTSTRAP_ADMIN_TOKEN),
    rateLimitPerMinute: integer(env.RATE_LIMIT_PER_MINUTE ?? '600000', 'RATE_LIMIT_PER_MINUTE'),
    maxBodyBytes: integer(env.MAX_BODY_BYTES ?? '102400', 'MAX_BODY_BYTES'),
    deadlineWatchIntervalMs: integer(env.DEADLINE_WATCH_INTERVAL_MS ?? '30000', 'DEADLINE_WATCH_INTERVAL_MS'),
    healthMaxProjectionLag: integer(env.HEALTH_MAX_PROJECTION_LAG ?? '1000', 'HEALTH_MAX_PROJECTION_LAG'),
  };
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
