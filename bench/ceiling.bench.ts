/**
 * Section 1, the ceiling: raw better-sqlite3 on the same disk with the store's settings (WAL,
 * synchronous = FULL), rows the size of a stored event. Every store figure is given as a ratio of it.
 */
import Database from 'better-sqlite3';
import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { SqliteEventQueries } from '../src/shared/event-store/sqlite/sqlite-event-queries';
import { openSchema } from '../src/shared/event-store/sqlite/sqlite-event-store.schema';
import type { Measurement } from './results';
import { sampleDeduction } from './events';
import { repeatFor, round, summarize } from './stats';

export interface Ceiling {
  commitsPerSecond: number;
  batchedRowsPerSecond: number;
  rowBytes: number;
  /** The same, writing the store's own schema (events + their indexes + 2 subject rows per event). */
  schemaCommitsPerSecond: number;
  schemaGroupRowsPerSecond: number;
}

const ROWS_PER_TRANSACTION = 1_000;
/** What group commit puts in one transaction with 64 concurrent appenders. */
export const GROUP_OF = 64;

export async function benchCeiling(dir: string, seconds: number): Promise<{ ceiling: Ceiling; measurements: Measurement[] }> {
  const db = new Database(join(dir, 'ceiling.sqlite'));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec('CREATE TABLE rows (position INTEGER PRIMARY KEY AUTOINCREMENT, body TEXT NOT NULL)');
    const body = rowBody();
    const insert = db.prepare('INSERT INTO rows (body) VALUES (?)');
    const insertBatch = db.transaction((count: number) => {
      for (let i = 0; i < count; i++) insert.run(body);
    });

    await repeatFor(0.3, () => void insert.run(body)); // warm-up: file growth, page cache
    const single = await repeatFor(seconds, () => void insert.run(body));
    const batched = await repeatFor(seconds, () => insertBatch(ROWS_PER_TRANSACTION));

    const schemaSingle = await schemaCeiling(join(dir, 'ceiling-schema-1.sqlite'), seconds, 1);
    const schemaGroup = await schemaCeiling(join(dir, `ceiling-schema-${GROUP_OF}.sqlite`), seconds, GROUP_OF);

    const ceiling: Ceiling = {
      commitsPerSecond: round(single.latencies.length / (single.elapsedMs / 1000), 0),
      batchedRowsPerSecond: round((batched.latencies.length * ROWS_PER_TRANSACTION) / (batched.elapsedMs / 1000), 0),
      rowBytes: Buffer.byteLength(body),
      schemaCommitsPerSecond: schemaSingle.rowsPerSecond,
      schemaGroupRowsPerSecond: schemaGroup.rowsPerSecond,
    };
    const settings = `WAL, synchronous=${synchronousName(db)}, ${ceiling.rowBytes}-byte rows`;
    return {
      ceiling,
      measurements: [
        {
          id: 'ceiling.commits',
          section: 'ceiling',
          label: 'raw better-sqlite3: one row per committed transaction',
          value: ceiling.commitsPerSecond,
          unit: 'commits/s',
          latency: summarize(single.latencies),
          notes: settings,
        },
        {
          id: 'ceiling.batched',
          section: 'ceiling',
          label: `raw better-sqlite3: ${ROWS_PER_TRANSACTION.toLocaleString('en')} rows per transaction`,
          value: ceiling.batchedRowsPerSecond,
          unit: 'rows/s',
          latency: summarize(batched.latencies),
          notes: `${settings}; latency is per ${ROWS_PER_TRANSACTION}-row transaction`,
        },
        {
          id: 'ceiling.schemaCommits',
          section: 'ceiling',
          label: "raw better-sqlite3, the store's schema: one event per committed transaction",
          value: ceiling.schemaCommitsPerSecond,
          unit: 'events/s',
          latency: schemaSingle.latency,
          notes: SCHEMA_NOTE,
        },
        {
          id: 'ceiling.schemaGroup',
          section: 'ceiling',
          label: `raw better-sqlite3, the store's schema: ${GROUP_OF} events per transaction`,
          value: ceiling.schemaGroupRowsPerSecond,
          unit: 'events/s',
          latency: schemaGroup.latency,
          notes: `${SCHEMA_NOTE}; latency is per ${GROUP_OF}-event transaction`,
        },
      ],
    };
  } finally {
    db.close();
  }
}

const SCHEMA_NOTE =
  'diagnostic, not a target: the events table (with its two 32-byte chain columns) with its UNIQUE(id) and UNIQUE(stream_name, revision) indexes and two event_subjects rows per event, ' +
  'written with the store\'s own statements (random UUID ids, no savepoints, no checks), so it shows what the schema itself costs';

/** Raw inserts into the store's schema, `perTransaction` events a transaction, no store logic. */
async function schemaCeiling(file: string, seconds: number, perTransaction: number) {
  const db = new Database(file);
  try {
    openSchema(db);
    const queries = new SqliteEventQueries(db);
    const event = sampleDeduction('D-2026-000001', 'E-000001');
    const data = JSON.stringify(event.data);
    const metadata = JSON.stringify({ ...event.metadata, recordedAt: new Date().toISOString() });
    let next = 0;
    // the chain's two 32-byte columns as the store fills them (their hashing is store code, not schema)
    const chainPrev = randomBytes(32);
    const chainLink = randomBytes(32);
    const insertGroup = db.transaction(() => {
      for (let i = 0; i < perTransaction; i++) {
        const deductionId = `D-${next++}`;
        const position = queries.insertEvent({ id: randomUUID(), streamName: `deduction-${deductionId}`, revision: 0, type: event.type, data, metadata, recordedAt: '', chainPrev, chainLink });
        queries.insertSubject(`deduction:${deductionId}`, position);
        queries.insertSubject(`employee:E-${next % 1000}`, position);
      }
    });
    await repeatFor(0.3, () => insertGroup.immediate());
    const run = await repeatFor(seconds, () => insertGroup.immediate());
    return { rowsPerSecond: round((run.latencies.length * perTransaction) / (run.elapsedMs / 1000), 0), latency: summarize(run.latencies) };
  } finally {
    db.close();
  }
}

/** What the store writes for one event: its data and metadata as JSON. */
function rowBody(): string {
  const event = sampleDeduction('D-2026-000001', 'E-000001');
  return JSON.stringify(event.data) + JSON.stringify({ ...event.metadata, recordedAt: new Date().toISOString() });
}

export function synchronousName(db: Database.Database): string {
  const level = db.pragma('synchronous', { simple: true }) as number;
  return ['OFF', 'NORMAL', 'FULL', 'EXTRA'][level] ?? String(level);
}
