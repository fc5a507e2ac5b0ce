import type { INestApplication } from '@nestjs/common';
import { EVENT_STORE } from '../../src/shared/event-store/event-store.port';
import type { EventStore } from '../../src/shared/event-store/event-store.port';
import { defaultRulebook } from '../../src/rulebook/default-rulebook';
import { DeadlineWatcher } from '../../src/policies/deadline-watcher/deadline-watcher.service';
import { ticketDecider } from '../../src/tickets/domain/ticket.decider';
import type { TicketEvent } from '../../src/tickets/domain/ticket.events';
import type { KnownTicket } from '../../src/tickets/domain/ticket.state';
import { settle } from '../support/settle';
import { ManualClock, operatorAgent, startTestApp } from '../support/test-app';
import type { Http } from '../service-levels/service-levels.fixture';

/**
 * The shipped defaults: repairs resolved within 2 working days of 09:00-18:00 (Shanghai), clocks
 * paused while the ticket waits for the customer. Dispatched Monday 9 March 2026 at 10:00: due
 * Wednesday 11 March at 10:00 (02:00Z). Paused Monday 11:00 → Tuesday 11:00: one working day
 * (9 working hours) does not count, so it is due Thursday 12 March at 10:00 (02:00Z).
 */
describe('a repair ticket waiting a day for the customer', () => {
  const clock = new ManualClock(new Date('2026-03-09T02:30:00.000Z'));
  let app: INestApplication;
  let http: Http;
  const store = () => app.get<EventStore>(EVENT_STORE);
  const events = async (ticketId: string) => (await store().readStream(`ticket-${ticketId}`)).map((e) => ({ type: e.type, data: e.data }) as TicketEvent);
  const overdue = async (asOf: string) => (await http.get(`/overdue?asOf=${encodeURIComponent(asOf)}`).expect(200)).body;
  const dispatch = async (ticketId: string) => {
    await http.post('/tickets').send({ ticketId, kind: 'repair', assigneeId: 'E-1', description: 'Leaking valve', dispatchedAt: '2026-03-09T10:00:00+08:00' }).expect(201);
    await http.post(`/tickets/${ticketId}/acknowledgement`).send({ acknowledgedAt: '2026-03-09T10:05:00+08:00' }).expect(201);
    await http.post(`/tickets/${ticketId}/arrival`).send({ arrivedAt: '2026-03-09T10:15:00+08:00' }).expect(201);
  };

  beforeAll(async () => {
    let tokenFor;
    ({ app, tokenFor } = await startTestApp(clock));
    http = await operatorAgent(app, tokenFor);
    await http.post('/rulebook/versions').send(defaultRulebook).expect((res) => expect([200, 201]).toContain(res.status));
    await http.post('/employees').send({ employeeId: 'E-1', name: 'Wang Qiang', department: 'repairs', position: 'property-steward' }).expect(201);
    await dispatch('T-1');
    await dispatch('T-2');
    // both wait for the customer from Monday 11:00; T-1 resumes on Tuesday at 11:00, T-2 stays paused
    clock.set('2026-03-09T03:00:00.000Z');
    for (const ticketId of ['T-1', 'T-2']) {
      await http.post(`/tickets/${ticketId}/pause`).send({ reason: 'waiting-for-customer', pausedAt: '2026-03-09T11:00:00+08:00' }).expect(201);
    }
    clock.set('2026-03-10T03:00:00.000Z');
    await http.post('/tickets/T-1/resumption').send({ resumedAt: '2026-03-10T11:00:00+08:00' }).expect(201);
  });
  afterAll(() => app?.close());

  it('pauses the resolution clock while the ticket waits for the customer', async () => {
    const paused = (await events('T-1')).find((e) => e.type === 'TicketPaused');
    expect(paused).toEqual({
      type: 'TicketPaused',
      data: { ticketId: 'T-1', assigneeId: 'E-1', reason: 'waiting-for-customer', pausedAt: '2026-03-09T03:00:00.000Z', milestones: ['resolution'] },
    });
  });

  it('refuses a pause with a reason it does not know, naming the field', async () => {
    const res = await http.post('/tickets/T-1/pause').send({ reason: 'lunch', pausedAt: '2026-03-09T11:00:00+08:00' });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('reason');
  });

  it('resumes a day later with the deadline moved by exactly the paused working time', async () => {
    const resumed = (await events('T-1')).find((e) => e.type === 'TicketResumed')!;
    expect(resumed.data).toMatchObject({ pausedAt: '2026-03-09T03:00:00.000Z', resumedAt: '2026-03-10T03:00:00.000Z', deadlines: { resolution: { dueAt: '2026-03-12T02:00:00.000Z' } } });
  });

  it('lists the moved deadline on the overdue board, not the original one', async () => {
    await settle(app);
    const ids = (body: { items: { ticketId: string; clock: string }[] }) => body.items.filter((i) => i.clock === 'resolution').map((i) => i.ticketId);
    expect(ids(await overdue('2026-03-11T03:00:00.000Z'))).not.toContain('T-1');
    const late = await overdue('2026-03-12T03:00:00.000Z');
    expect(late.items).toEqual(expect.arrayContaining([expect.objectContaining({ ticketId: 'T-1', clock: 'resolution', dueAt: '2026-03-12T02:00:00.000Z' })]));
  });

  it('shows a clock still paused past its original deadline as paused, not overdue, and the watcher does not breach it', async () => {
    clock.set('2026-03-11T05:00:00.000Z');
    expect(await app.get(DeadlineWatcher).tick()).toBe(0);
    await settle(app);
    expect((await events('T-2')).map((e) => e.type)).not.toContain('TicketDeadlineBreached');
    const board = await overdue('2026-03-11T05:00:00.000Z');
    expect(board.items.filter((i: { ticketId: string }) => i.ticketId === 'T-2')).toEqual([]);
    expect(board.paused).toEqual(expect.arrayContaining([expect.objectContaining({ ticketId: 'T-2', clock: 'resolution', status: 'paused', pausedAt: '2026-03-09T03:00:00.000Z' })]));
  });

  it('replays to the same deadline even after the working calendar changes', async () => {
    await http
      .put('/working-calendar')
      .send({ timeZone: 'Asia/Shanghai', workingWeekdays: [1, 2, 3, 4, 5], holidays: ['2026-03-11'], makeUpWorkingDays: [], businessHours: { start: '09:00', end: '18:00' } })
      .expect(200);
    const state = (await events('T-1')).reduce(ticketDecider.evolve, ticketDecider.initialState) as KnownTicket;
    expect(state.clocks.resolution?.dueAt).toBe('2026-03-12T02:00:00.000Z');
  });
});
