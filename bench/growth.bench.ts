/**
 * Cost as the work grows: the same work measured on the seeded store, then again once the log holds
 * twice the events (and the deadline watcher twice the running clocks) — closing a month of every
 * employee, a deadline watcher pass, and each read path. Flat means the cost follows the work, not
 * the log.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { HttpClient } from './http-client';
import { BENCH_DEPARTMENT } from './http.bench';
import type { BenchSizes } from './options';
import { benchDirectReplay, benchHttpReads } from './read-paths.bench';
import type { Measurement } from './results';
import { seedSecondHalf } from './seed';
import type { Dataset } from './seed';
import { markSagasCaughtUp, sleep, startService, waitUntilCaughtUp } from './service';
import type { RunningService } from './service';
import { nowMs, percentile, round } from './stats';

/** A ratio at twice the log under this counts as flat (the machines are shared: runs move by more than 10%). */
const FLAT = 1.3;
const WATCHER_TICKS = 5;
/**
 * Each read path's p99 is measured in this many rounds and the median kept: one round's p99 is its
 * second-slowest request, and a burst of other work on this shared machine during one round moved
 * single-round ratios between 0.5× and 1.9× while the queries themselves timed flat.
 */
const READ_ROUNDS = 3;
/**
 * Months closed in each phase, the median close kept: with the mean of two, the ratio moved between
 * 1.03× and 1.32× over five full runs, a burst of other work during one close deciding it.
 */
const CLOSES = 5;

export interface GrowthInput {
  root: string;
  dataDir: string;
  logFile: string;
  sizes: BenchSizes;
  dataset: Dataset;
  /** The admin token the data directory's first start registered. */
  adminToken: string;
}

interface Phase {
  storedEvents: number;
  openClocks: number;
  closeMs: number;
  sealed: number;
  tickMs: number;
  ticks: number;
  p99: Record<string, number>;
}

export async function benchGrowth(input: GrowthInput): Promise<Measurement[]> {
  const { dataset, sizes } = input;
  const months = dataset.months;
  console.log('[bench] growth: measuring on the seeded log …');
  // alternate months, every other one in each phase (one close is one sample): the later ones on the seeded log
  const monthsFor = (phase: 0 | 1) => Array.from({ length: CLOSES }, (_, i) => months[months.length - 2 - phase - 2 * i]);
  if (months.length < 2 * CLOSES + 1) throw new Error(`the growth rows close ${2 * CLOSES} months, the dataset has ${months.length}`);
  const first = await measurePhase(input, monthsFor(0), sizes.openTickets);
  console.log(`[bench] growth: appending ${sizes.totalEvents.toLocaleString('en')} more events …`);
  const added = await seedSecondHalf(join(input.dataDir, 'events.sqlite'), sizes, dataset);
  markSagasCaughtUp(join(input.dataDir, 'events.sqlite'), join(input.dataDir, 'read-models.sqlite'));
  console.log(`[bench] growth: measuring on twice the log (${added.total.toLocaleString('en')} events added in ${added.seconds.toFixed(1)} s) …`);
  const second = await measurePhase(input, monthsFor(1), 2 * sizes.openTickets);
  const at = (phase: Phase) => `${phase.storedEvents.toLocaleString('en')} events`;
  const row = (id: string, label: string, before: number, after: number, unit: string, note = ''): Measurement => {
    const ratio = round(after / before, 2);
    return {
      id: `growth.${id}`,
      section: 'growth',
      label: `${label}: ${round(before, 1)} ${unit} at ${at(first)}, ${round(after, 1)} ${unit} at ${at(second)}`,
      value: ratio,
      unit: '× when the log doubles',
      target: { text: `flat (≤ ${FLAT}×)`, met: ratio <= FLAT },
      notes: note || undefined,
      extra: { before, after, eventsBefore: first.storedEvents, eventsAfter: second.storedEvents },
    };
  };
  return [
    row('periodClose', `close a month, sealing ${first.sealed.toLocaleString('en')} employees (POST /periods/:p/close; median of ${CLOSES} months)`, first.closeMs, second.closeMs, 'ms', `sealed ${first.sealed} and ${second.sealed} employees a month`),
    row(
      'watcherTick',
      `deadline watcher pass (${first.openClocks.toLocaleString('en')} then ${second.openClocks.toLocaleString('en')} running clocks past their deadline; mean of ${WATCHER_TICKS}+ passes)`,
      first.tickMs,
      second.tickMs,
      'ms',
      `ledger_deadline_watcher_tick_seconds over ${first.ticks} and ${second.ticks} passes`,
    ),
    ...Object.keys(first.p99).map((path) => row(`p99.${path}`, `${path} p99 (median of ${READ_ROUNDS} rounds)`, first.p99[path], second.p99[path], 'ms')),
  ];
}

async function measurePhase(input: GrowthInput, periods: string[], openClocks: number): Promise<Phase> {
  const { dataDir, sizes, dataset } = input;
  // the reads and the close with the watcher off (its passes would run beside them), then its passes alone
  const first = await withService(input, { DEADLINE_WATCH_INTERVAL_MS: '0' }, async (service, client) => {
    const storedEvents = (await service.admin.getJson<{ headPosition: number }>('/health')).headPosition;
    const rounds: Record<string, number>[] = [];
    for (let attempt = 0; attempt < READ_ROUNDS; attempt++) {
      // in process first: a pause of seconds between requests would let the server drop the kept-alive socket
      const direct = await benchDirectReplay(join(dataDir, 'events.sqlite'), dataset, sizes.readSamples);
      const reads = await benchHttpReads(client, dataset, sizes.readSamples);
      rounds.push(Object.fromEntries([direct, ...reads].map((m) => [m.label.split(' (')[0], m.latency!.p99])));
    }
    const p99 = Object.fromEntries(Object.keys(rounds[0]).map((path) => [path, percentile(rounds.map((r) => r[path]).sort((a, b) => a - b), 50)]));
    const closes = [];
    for (const period of periods) closes.push(await closePeriod(client, period));
    const close = { ms: percentile(closes.map((c) => c.ms).sort((a, b) => a - b), 50), sealed: Math.min(...closes.map((c) => c.sealed)) };
    return { storedEvents, p99, close };
  });
  const ticks = await withService(input, { DEADLINE_WATCH_INTERVAL_MS: '1000' }, (service) => watcherTicks(service.admin));
  return { storedEvents: first.storedEvents, openClocks, closeMs: first.close.ms, sealed: first.close.sealed, tickMs: ticks.meanMs, ticks: ticks.count, p99: first.p99 };
}

async function withService<T>(input: GrowthInput, env: NodeJS.ProcessEnv, run: (service: RunningService, client: HttpClient) => Promise<T>): Promise<T> {
  const service = await startService(input.root, input.dataDir, input.logFile, undefined, 900_000, { ...env, BOOTSTRAP_ADMIN_TOKEN: input.adminToken });
  try {
    await waitUntilCaughtUp(service, 900_000);
    const { token } = await service.admin.postJson<{ token: string }>('/credentials', {
      principalId: `bench-growth-${randomUUID().slice(0, 8)}`,
      roles: ['clerk', 'supervisor', 'auditor', 'analyst'],
      departments: [...input.dataset.departments, BENCH_DEPARTMENT],
    });
    const client = service.admin.as(token);
    try {
      return await run(service, client);
    } finally {
      client.close();
    }
  } finally {
    await service.stop();
  }
}

async function closePeriod(client: HttpClient, period: string): Promise<{ ms: number; sealed: number }> {
  await client.postJson('/periods', { period, openedAt: `${period}-01T00:00:00+08:00` });
  const started = nowMs();
  const response = await client.post(`/periods/${period}/close`, { closedAt: new Date().toISOString() });
  const ms = nowMs() - started;
  if (response.status !== 201) throw new Error(`closing ${period}: ${response.status} ${response.body.slice(0, 300)}`);
  // one PeriodClosed, then a sealed score per employee (and any roll-up penalties)
  return { ms, sealed: (JSON.parse(response.body) as { appended: number }).appended - 1 };
}

/** The mean of the next passes, from the service's own histogram of them. */
async function watcherTicks(admin: HttpClient): Promise<{ meanMs: number; count: number }> {
  const read = async () => {
    const text = (await admin.get('/metrics')).body;
    const value = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? 0);
    return { sum: value('ledger_deadline_watcher_tick_seconds_sum'), count: value('ledger_deadline_watcher_tick_seconds_count') };
  };
  const deadline = Date.now() + 300_000;
  // a pass running when the service was found caught up may have started before, waiting for the
  // projector's catch-up after the start: the passes measured start after it has ended
  const started = await read();
  let before = started;
  while (before.count === started.count) {
    if (Date.now() > deadline) throw new Error('the deadline watcher ran no pass in 300 s');
    await sleep(100);
    before = await read();
  }
  for (;;) {
    const now = await read();
    if (now.count - before.count >= WATCHER_TICKS) return { meanMs: ((now.sum - before.sum) / (now.count - before.count)) * 1000, count: now.count - before.count };
    if (Date.now() > deadline) throw new Error(`the deadline watcher ran ${now.count - before.count} passes in 300 s`);
    await sleep(500);
  }
}
