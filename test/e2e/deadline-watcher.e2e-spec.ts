import type { INestApplication } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { TicketDispatched } from '../../src/tickets/domain/ticket.events';
import { EVENT_STORE } from '../../src/shared/event-store/event-store.port';
import type { EventStore, RecordedEvent } from '../../src/shared/event-store/event-store.port';
import { ProjectorService } from '../../src/shared/projector/projector.service';
import { READ_STORE } from '../../src/shared/read-store/read-store.port';
import type { ReadStore } from '../../src/shared/read-store/read-store.port';
import { STILL_RUNNING } from '../../projections/overdue.projection';
import { DeadlineWatcher } from '../../src/policies/deadline-watcher/deadline-watcher.service';
import { MetricsService } from '../../src/shared/observability/metrics.service';
import { TicketLifecycleCommand } from '../../src/tickets/ticket-lifecycle.command';
import { settle } from '../support/settle';
import { ManualClock, operatorAgent, startTestApp } from '../support/test-app';
import type { Http } from '../service-levels/service-levels.fixture';
import { defineServiceLevels, registerStaff } from '../service-levels/service-levels.fixture';

/**
 * The deadline watcher of a running service, beyond `tick()` called by hand: its own timer, and a
 * page of deadlines already breached that must not hide the next one. Calendar and policy of the
 * National Day example (test/service-levels/service-levels.fixture.ts): a repair dispatched at
 * 17:50 on Wednesday 30 September 2026 (Shanghai) is due 17:50 on Friday 9 October (09:50Z).
 */
const DISPATCHED_AT = '2026-09-30T17:50:00+08:00';
const DUE_AT = '2026-10-09T09:50:00.000Z';
const WATCH_INTERVAL_MS = 60_000;

async function startApp(clock: ManualClock, env: NodeJS.ProcessEnv = {}) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-watcher-'));
  const started = await startTestApp(clock, dataDir, env);
  const http = await operatorAgent(started.app, started.tokenFor);
  await defineServiceLevels(http);
  // no supervisor: a breach costs the assignee and opens no talk obligation
  await registerStaff(http, [{ employeeId: 'E-1' }]);
  return { ...started, http };
}

const dispatch = (http: Http, ticketId: string, dispatchedAt = DISPATCHED_AT) =>
  http.post('/tickets').send({ ticketId, kind: 'repair', assigneeId: 'E-1', description: 'Leaking valve', dispatchedAt }).expect(201);

/** Resolves with the first stored event of the type after `fromPosition` (a signal, not a poll). */
function nextEvent(store: EventStore, type: string, fromPosition: number) {
  let resolveSeen!: (event: RecordedEvent) => void;
  const seen = new Promise<RecordedEvent>((resolve) => (resolveSeen = resolve));
  const subscription = store.subscribeToAll({ onEvent: (event) => void (event.type === type && resolveSeen(event)) }, { fromPosition });
  return { seen, stop: () => subscription.stop() };
}

/** Fails after `ms` of wall time (real timers are kept for this) instead of waiting for jest's timeout. */
function within<T>(ms: number, promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: nothing within ${ms} ms`)), ms)));
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}

describe('the deadline watcher on its own timer', () => {
  const clock = new ManualClock(new Date('2026-09-30T10:00:00.000Z'));
  let app: INestApplication;
  let dataDir: string;
  let http: Http;

  beforeAll(async () => {
    // only the intervals are fake: the watcher's timer (and the lease renewal) move when the test
    // says so; timeouts, immediates and Date stay real, so the stores and the projector run as usual
    jest.useFakeTimers({
      doNotFake: ['Date', 'hrtime', 'nextTick', 'performance', 'queueMicrotask', 'setImmediate', 'clearImmediate', 'setTimeout', 'clearTimeout'],
    });
    ({ app, dataDir, http } = await startApp(clock, { DEADLINE_WATCH_INTERVAL_MS: String(WATCH_INTERVAL_MS), LEASE_TTL_MS: '3600000' }));
  });
  afterAll(async () => {
    try {
      await app?.close();
    } finally {
      jest.useRealTimers();
      if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('records a breach when its interval elapses after the deadline has passed, without anyone calling tick', async () => {
    await dispatch(http, 'T-1');
    clock.set('2026-10-09T09:50:00.001Z');
    await settle(app);
    const store = app.get<EventStore>(EVENT_STORE);
    const breach = nextEvent(store, 'TicketDeadlineBreached', await store.headPosition());
    try {
      await jest.advanceTimersByTimeAsync(WATCH_INTERVAL_MS);

      const recorded = await within(5000, breach.seen, 'the watcher timer recorded no breach');
      expect(recorded).toMatchObject({
        streamName: 'ticket-T-1',
        data: { milestone: 'resolution', dueAt: DUE_AT, responsibleEmployeeId: 'E-1' },
        metadata: { actor: 'system:deadline-watcher' },
      });
    } finally {
      await breach.stop();
    }
  });
});

describe('the deadline watcher behind more than a page of breached clocks', () => {
  // more clocks than the watcher reads in one pass (200), all open and already breached
  const ALREADY_BREACHED = 230;
  const clock = new ManualClock(new Date('2026-09-30T10:00:00.000Z'));
  let app: INestApplication;
  let dataDir: string;
  let http: Http;
  const store = () => app.get<EventStore>(EVENT_STORE);
  const caughtUp = async () => app.get(ProjectorService).waitFor(await store().headPosition());
  const tick = async () => {
    const recorded = await app.get(DeadlineWatcher).tick();
    await caughtUp();
    return recorded;
  };
  const breaches = async (ticketId: string) => (await store().readStream(`ticket-${ticketId}`)).filter((e) => e.type === 'TicketDeadlineBreached');

  beforeAll(async () => {
    // the sagas (a deduction per breach) play no part here: they stay off, and so does their cost
    ({ app, dataDir, http } = await startApp(clock, { RUN_SAGAS: 'false' }));
    const commands = app.get(CommandBus);
    const metadata = (key: string) => ({ actor: 'system:test', correlationId: key, causationId: key, idempotencyKey: key });
    const oldTickets = Array.from({ length: ALREADY_BREACHED }, (_, i) => `OLD-${i}`);
    const inChunks = async (run: (ticketId: string) => Promise<unknown>) => {
      for (let i = 0; i < oldTickets.length; i += 20) await Promise.all(oldTickets.slice(i, i + 20).map(run));
    };
    await inChunks((ticketId) =>
      commands.execute(new TicketLifecycleCommand({ type: 'DispatchTicket', data: { ticketId, kind: 'repair', assigneeId: 'E-1', description: 'Leaking valve', dispatchedAt: new Date(DISPATCHED_AT).toISOString() } }, metadata(`dispatch:${ticketId}`))),
    );
    clock.set('2026-10-09T09:55:00.000Z');
    // breached as the watcher would record them, without relying on the paging this test is about
    await inChunks((ticketId) =>
      commands.execute(new TicketLifecycleCommand({ type: 'RecordTicketBreach', data: { ticketId, milestone: 'resolution' } }, metadata(`deadline:ticket:${ticketId}:resolution:${DUE_AT}`))),
    );
    await caughtUp();
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('still records the breach of a newer deadline in one pass', async () => {
    const overdue = app.get(ProjectorService).collection('overdue');
    const open = await app.get<ReadStore>(READ_STORE).count(overdue, { stoppedAt: STILL_RUNNING, dueAt: { $lt: '2026-10-09T09:55:00.000Z' } });
    const openBreached = await app.get<ReadStore>(READ_STORE).count(overdue, { stoppedAt: STILL_RUNNING, breached: true });
    expect([open, openBreached]).toEqual([ALREADY_BREACHED, ALREADY_BREACHED]);

    // Friday 17:55: 5 minutes that day, the make-up Saturday and Monday until 17:55
    await dispatch(http, 'NEW', '2026-10-09T17:55:00+08:00');
    const [dispatched] = (await store().readStream('ticket-NEW')) as unknown as RecordedEvent<'TicketDispatched', TicketDispatched['data']>[];
    const dueAt = dispatched.data.deadlines!.resolution!.dueAt;
    expect(dueAt).toBe('2026-10-12T09:55:00.000Z');
    clock.set(new Date(Date.parse(dueAt) + 1).toISOString());

    const metric = async (name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(await app.get(MetricsService).scrape())?.[1] ?? 0);
    const passesBefore = await metric('ledger_deadline_watcher_tick_seconds_count');
    expect(await tick()).toBe(1);
    expect((await breaches('NEW')).map((e) => e.data)).toEqual([expect.objectContaining({ milestone: 'resolution', dueAt })]);
    // the pass is timed and its breach counted where an operator reads them
    expect(await metric('ledger_deadline_watcher_tick_seconds_count')).toBe(passesBefore + 1);
    expect(await metric('ledger_deadline_watcher_breaches_total')).toBe(1);
  });
});
