/**
 * Section 2, appends through SqliteEventStore: single events to distinct streams, one at a time
 * and from 64 concurrent appenders (group commit), and 10-event batches.
 */
import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { SqliteEventStore } from '../src/shared/event-store/sqlite/sqlite-event-store';
import type { Ceiling } from './ceiling.bench';
import { GROUP_OF, synchronousName } from './ceiling.bench';
import { sampleDeduction } from './events';
import type { Measurement, Ratio, Target } from './results';
import { repeatConcurrentlyFor, repeatFor, round, summarize } from './stats';

const CONCURRENT_APPENDERS = 64;
const BATCH = 10;

interface Variant {
  id: string;
  label: string;
  eventsPerAppend: number;
  appenders: number;
  target?: (eventsPerSecond: number, ceiling: Ceiling) => Target;
  ratioOf: 'commits' | 'batched';
  /** The raw-SQLite figure for the store's own schema that this variant is closest to. */
  schemaRatioOf?: 'schemaCommits' | 'schemaGroup';
}

const VARIANTS: Variant[] = [
  {
    id: 'append.sequential',
    label: 'SqliteEventStore: single-event appends, sequential',
    eventsPerAppend: 1,
    appenders: 1,
    ratioOf: 'commits',
    schemaRatioOf: 'schemaCommits',
    target: (rate, ceiling) => ({ text: '≥ 75% of commits/s ceiling', met: rate >= 0.75 * ceiling.commitsPerSecond }),
  },
  {
    id: 'append.concurrent64',
    label: `SqliteEventStore: single-event appends, ${CONCURRENT_APPENDERS} concurrent appenders`,
    eventsPerAppend: 1,
    appenders: CONCURRENT_APPENDERS,
    ratioOf: 'batched',
    schemaRatioOf: 'schemaGroup',
    target: (rate, ceiling) => ({ text: '≥ 35% of batched rows/s ceiling', met: rate >= 0.35 * ceiling.batchedRowsPerSecond }),
  },
  {
    id: 'append.batch10',
    label: `SqliteEventStore: ${BATCH}-event appends, sequential`,
    eventsPerAppend: BATCH,
    appenders: 1,
    ratioOf: 'batched',
  },
  {
    id: 'append.batch10concurrent64',
    label: `SqliteEventStore: ${BATCH}-event appends, ${CONCURRENT_APPENDERS} concurrent appenders`,
    eventsPerAppend: BATCH,
    appenders: CONCURRENT_APPENDERS,
    ratioOf: 'batched',
  },
];

export async function benchAppend(dir: string, seconds: number, ceiling: Ceiling | undefined): Promise<Measurement[]> {
  const measurements: Measurement[] = [];
  for (const variant of VARIANTS) measurements.push(await runVariant(dir, seconds, variant, ceiling));
  return measurements;
}

async function runVariant(dir: string, seconds: number, variant: Variant, ceiling: Ceiling | undefined): Promise<Measurement> {
  const store = new SqliteEventStore({ file: join(dir, `${variant.id}.sqlite`) });
  try {
    const run = randomUUID().slice(0, 8);
    const appendOne = async (index: number) => {
      const deductionId = `D-${run}-${index}`;
      const events = Array.from({ length: variant.eventsPerAppend }, () => sampleDeduction(deductionId, `E-${index % 1000}`));
      await store.append(`deduction-${deductionId}`, events, { expectedRevision: 'no_stream' });
    };
    await repeatFor(0.3, (i) => appendOne(-1 - i)); // warm-up
    const before = store.stats;
    const result =
      variant.appenders === 1
        ? await repeatFor(seconds, appendOne)
        : await repeatConcurrentlyFor(seconds, variant.appenders, appendOne);
    const after = store.stats;
    const eventsPerSecond = round((result.latencies.length * variant.eventsPerAppend) / (result.elapsedMs / 1000), 0);
    const transactions = after.transactions - before.transactions;
    const ceilingValue = ceiling && (variant.ratioOf === 'commits' ? ceiling.commitsPerSecond : ceiling.batchedRowsPerSecond);
    return {
      id: variant.id,
      section: 'append',
      label: variant.label,
      value: eventsPerSecond,
      unit: 'events/s',
      latency: summarize(result.latencies),
      ratios: ceiling && ceilingValue ? ratiosOf(eventsPerSecond, ceilingValue, variant, ceiling) : undefined,
      target: ceiling && variant.target ? variant.target(eventsPerSecond, ceiling) : undefined,
      notes: `synchronous=${synchronousOf(store)}, WAL; ${round((after.appends - before.appends) / Math.max(1, transactions), 1)} appends per transaction`,
      extra: { appends: result.latencies.length, transactions },
    };
  } finally {
    await store.close();
  }
}

function ratiosOf(eventsPerSecond: number, ceilingValue: number, variant: Variant, ceiling: Ceiling): Ratio[] {
  const ratios: Ratio[] = [{ of: variant.ratioOf === 'commits' ? 'commits/s ceiling' : 'batched rows/s ceiling', value: round(eventsPerSecond / ceilingValue, 3) }];
  if (variant.schemaRatioOf === 'schemaCommits') ratios.push({ of: 'store-schema 1/tx', value: round(eventsPerSecond / ceiling.schemaCommitsPerSecond, 3) });
  if (variant.schemaRatioOf === 'schemaGroup') ratios.push({ of: `store-schema ${GROUP_OF}/tx`, value: round(eventsPerSecond / ceiling.schemaGroupRowsPerSecond, 3) });
  return ratios;
}

/** Reads the level from the store's own connection (the pragma is per connection). */
function synchronousOf(store: SqliteEventStore): string {
  const db = (store as unknown as { db: Database.Database }).db;
  return synchronousName(db);
}
