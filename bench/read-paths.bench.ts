/**
 * Section 4, read paths: an employee record of `recordEvents` events replayed from the event store
 * (directly and over HTTP), department scores over every employee × month, the overdue list over
 * every open ticket. Requests are sent one at a time and each is timed.
 */
import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { SqliteEventStore } from '../src/shared/event-store/sqlite/sqlite-event-store';
import type { HttpClient } from './http-client';
import type { Measurement } from './results';
import { Dataset, OVERDUE_AS_OF } from './seed';
import { nowMs, summarize } from './stats';

const WARM_UP = 5;
const REPLAY_P99_MS = 50;
/** The record read in process (readBySubject), under the HTTP replay's budget. */
const READ_BY_SUBJECT_P99_MS = 15;
const QUERY_P99_MS = 20;

/**
 * The floor under `readBySubject`: raw better-sqlite3 reading the record's rows (the store's own
 * join of the subject index to the events, rows as arrays) and `JSON.parse` of their data and
 * metadata, no store code. Then the same from a table that keeps the record's rows together
 * (clustered by subject and position, in a file of its own): what a per-subject copy would give.
 */
export function benchRecordFloor(eventsFile: string, copyFile: string, dataset: Dataset, samples: number): Measurement[] {
  const subject = `employee:${dataset.recordEmployeeId}`;
  const columns = 'position, id, stream_name, revision, type, data, metadata';
  const db = new Database(eventsFile, { readonly: true });
  const copy = new Database(copyFile);
  try {
    db.pragma('cache_size = -16000');
    const joined = db
      .prepare(`SELECT ${columns.replace(/(\w+)/g, 'e.$1')} FROM event_subjects s JOIN events e ON e.position = s.position WHERE s.subject = ? ORDER BY s.position`)
      .raw(true);
    copy.exec(`CREATE TABLE record (subject TEXT, position INTEGER, id TEXT, stream_name TEXT, revision INTEGER, type TEXT, data TEXT, metadata TEXT, PRIMARY KEY (subject, position)) WITHOUT ROWID`);
    const insert = copy.prepare(`INSERT INTO record (subject, ${columns}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
    copy.transaction(() => {
      for (const row of joined.all(subject) as unknown[][]) insert.run(subject, ...row);
    })();
    const together = copy.prepare(`SELECT ${columns} FROM record WHERE subject = ? ORDER BY position`).raw(true);
    const parsed = (rows: unknown[][]) => rows.map((row) => [JSON.parse(row[5] as string), JSON.parse(row[6] as string)]);
    const time = (read: () => unknown[][]) => {
      let count = 0;
      for (let i = 0; i < WARM_UP; i++) count = parsed(read()).length;
      const latencies: number[] = [];
      for (let i = 0; i < samples; i++) {
        const started = nowMs();
        parsed(read());
        latencies.push(nowMs() - started);
      }
      return { count, latency: summarize(latencies) };
    };
    const viaIndex = time(() => joined.all(subject) as unknown[][]);
    const kept = time(() => together.all(subject) as unknown[][]);
    const floor = (id: string, how: string, run: typeof viaIndex): Measurement => ({
      id,
      section: 'reads',
      label: `floor: raw better-sqlite3, the record's ${run.count.toLocaleString('en')} rows ${how}, read and JSON-parsed (no store code)`,
      value: round0(1000 / run.latency.mean),
      unit: 'reads/s',
      latency: run.latency,
      notes: 'diagnostic, not a target: what reading and parsing these events costs on this machine before any store code',
    });
    return [floor('reads.floorIndex', 'through the subject index (the store\'s layout)', viaIndex), floor('reads.floorTogether', 'kept together (a per-subject copy)', kept)];
  } finally {
    db.close();
    copy.close();
    rmSync(copyFile, { force: true });
  }
}

/** `readBySubject` straight on the store file, before the service runs (no HTTP, no fold). */
export async function benchDirectReplay(eventsFile: string, dataset: Dataset, samples: number): Promise<Measurement> {
  const store = new SqliteEventStore({ file: eventsFile });
  try {
    const subject = `employee:${dataset.recordEmployeeId}`;
    let count = 0;
    for (let i = 0; i < WARM_UP; i++) count = (await store.readBySubject(subject)).length;
    const latencies: number[] = [];
    for (let i = 0; i < samples; i++) {
      const started = nowMs();
      await store.readBySubject(subject);
      latencies.push(nowMs() - started);
    }
    const latency = summarize(latencies);
    return {
      id: 'reads.replayDirect',
      section: 'reads',
      label: `record replay, eventStore.readBySubject (${count.toLocaleString('en')} events, in process)`,
      value: round0(1000 / latency.mean),
      unit: 'replays/s',
      latency,
      target: { text: `p99 ≤ ${READ_BY_SUBJECT_P99_MS} ms`, met: latency.p99 <= READ_BY_SUBJECT_P99_MS },
    };
  } finally {
    await store.close();
  }
}

export async function benchHttpReads(client: HttpClient, dataset: Dataset, samples: number): Promise<Measurement[]> {
  const record = await timeRequests(client, samples, () => `/employees/${dataset.recordEmployeeId}/record`, (body) => {
    const events = (body as { events: unknown[] }).events.length;
    if (events !== dataset.recordEvents) throw new Error(`record has ${events} events, expected ${dataset.recordEvents}`);
  });
  const scores = await timeRequests(
    client,
    samples,
    (i) => `/scores?month=${dataset.months[i % dataset.months.length]}&department=${dataset.departments[i % dataset.departments.length]}`,
    (body) => {
      const employees = (body as { employees: number }).employees;
      if (employees < dataset.employeeIds.length / dataset.departments.length) throw new Error(`scores ranked ${employees} employees`);
    },
  );
  const overdue = await timeRequests(client, samples, () => `/overdue?asOf=${encodeURIComponent(OVERDUE_AS_OF)}&limit=100`, (body) => {
    const { total, items } = body as { total: number; items: unknown[] };
    if (total < dataset.openTickets || items?.length !== 100) throw new Error(`overdue answered total ${total}, ${items?.length} items`);
  });
  const perDepartment = Math.round(dataset.employeeIds.length / dataset.departments.length);
  return [
    {
      id: 'reads.replayHttp',
      section: 'reads',
      label: `record replay, GET /employees/:id/record (${dataset.recordEvents.toLocaleString('en')} events, folded, JSON)`,
      value: round0(1000 / record.mean),
      unit: 'req/s (1 client)',
      latency: record,
      target: { text: `p99 ≤ ${REPLAY_P99_MS} ms`, met: record.p99 <= REPLAY_P99_MS },
    },
    {
      id: 'reads.scores',
      section: 'reads',
      label: `GET /scores?month&department (${dataset.employeeIds.length.toLocaleString('en')} employees × ${dataset.months.length} months; ${perDepartment.toLocaleString('en')} ranked)`,
      value: round0(1000 / scores.mean),
      unit: 'req/s (1 client)',
      latency: scores,
      target: { text: `p99 ≤ ${QUERY_P99_MS} ms`, met: scores.p99 <= QUERY_P99_MS },
    },
    {
      id: 'reads.overdue',
      section: 'reads',
      label: `GET /overdue?asOf&limit=100 (${dataset.openTickets.toLocaleString('en')} open tickets, all overdue; with aging counts)`,
      value: round0(1000 / overdue.mean),
      unit: 'req/s (1 client)',
      latency: overdue,
      target: { text: `p99 ≤ ${QUERY_P99_MS} ms`, met: overdue.p99 <= QUERY_P99_MS },
    },
  ];
}

/** Each read path stops after this long, once it has at least MIN_SAMPLES, so a slow one cannot stretch the run. */
const MAX_SECONDS_PER_PATH = 60;
const MIN_SAMPLES = 50;

async function timeRequests(client: HttpClient, samples: number, path: (i: number) => string, check: (body: unknown) => void) {
  const latencies: number[] = [];
  const deadline = Date.now() + MAX_SECONDS_PER_PATH * 1000;
  for (let i = -WARM_UP; i < samples && (latencies.length < MIN_SAMPLES || Date.now() < deadline); i++) {
    const response = await client.get(path(i + WARM_UP));
    if (response.status !== 200) throw new Error(`GET ${path(i + WARM_UP)}: ${response.status} ${response.body.slice(0, 300)}`);
    if (i < 0) check(JSON.parse(response.body));
    else latencies.push(response.ms);
  }
  return summarize(latencies);
}

function round0(value: number): number {
  return Math.round(value * 10) / 10;
}
