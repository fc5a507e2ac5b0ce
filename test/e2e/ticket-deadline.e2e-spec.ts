import type { INestApplication } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import request from 'supertest';
import { EVENT_STORE } from '../../src/shared/event-store/event-store.port';
import type { EventStore } from '../../src/shared/event-store/event-store.port';
import { DeadlineWatcher } from '../../src/policies/deadline-watcher/deadline-watcher.service';
import { TicketLifecycleCommand } from '../../src/tickets/ticket-lifecycle.command';
import { settle } from '../support/settle';
import { makeTempDir, removeDir } from '../support/temp-dir';
import { ManualClock, operatorAgent, startTestApp } from '../support/test-app';
import type { Http } from '../service-levels/service-levels.fixture';
import { defineServiceLevels, registerStaff } from '../service-levels/service-levels.fixture';

/**
 * The example: a repair dispatched at 17:50 on Wednesday 30 September 2026 (Shanghai),
 * 2 working days of 09:00-18:00 (18 working hours), 1-7 October off, 27 September and 10 October
 * worked: due 17:50 on Friday 9 October, breached then and not before, costing the assignee once.
 */
describe('a repair ticket over the National Day holidays', () => {
  const clock = new ManualClock(new Date('2026-09-30T10:00:00.000Z'));
  let app: INestApplication;
  let dataDir: string;
  let http: Http;
  let tokenFor: Awaited<ReturnType<typeof startTestApp>>['tokenFor'];
  const store = () => app.get<EventStore>(EVENT_STORE);
  const tick = async () => {
    const recorded = await app.get(DeadlineWatcher).tick();
    await settle(app);
    return recorded;
  };
  const ticketEvents = async (type: string) => (await store().readStream('ticket-T-1')).filter((e) => e.type === type);
  const scores = async (employeeId: string) => (await http.get(`/employees/${employeeId}/scores?from=2026-10&to=2026-10`).expect(200)).body.months[0];
  /** Given the breach: the watcher ran just past the deadline (a run after the first records nothing). */
  const givenTheBreach = async () => {
    clock.set('2026-10-09T09:50:00.001Z');
    await tick();
  };

  beforeAll(async () => {
    // a folder of the test's own: the app restarts on it
    dataDir = makeTempDir('ticket-deadline');
    ({ app, tokenFor } = await startTestApp(clock, dataDir));
    http = await operatorAgent(app, tokenFor);
    await defineServiceLevels(http);
    await registerStaff(http, [{ employeeId: 'S-1', position: 'workshop-director' }, { employeeId: 'E-1', supervisorId: 'S-1' }]);
    await http
      .post('/tickets')
      .set('X-Actor', 'clerk-1')
      .send({ ticketId: 'T-1', kind: 'repair', assigneeId: 'E-1', description: 'Leaking valve', dispatchedAt: '2026-09-30T17:50:00+08:00' })
      .expect(201);
  });
  afterAll(async () => {
    await app?.close();
    removeDir(dataDir);
  });

  it('stores the deadline computed at dispatch: 17:50 on Friday 9 October', async () => {
    const [dispatched] = await ticketEvents('TicketDispatched');
    expect(dispatched.data).toMatchObject({
      resolveBy: '2026-10-09T09:50:00.000Z',
      policyId: 'repair-2wd',
      deadlines: { resolution: { dueAt: '2026-10-09T09:50:00.000Z' } },
    });
  });

  it('appends no breach before the deadline, nor at it', async () => {
    for (const at of ['2026-10-08T10:00:00.000Z', '2026-10-09T09:49:59.999Z', '2026-10-09T09:50:00.000Z']) {
      clock.set(at);
      expect(await tick()).toBe(0);
    }
    expect(await ticketEvents('TicketDeadlineBreached')).toEqual([]);
  });

  it('appends the breach once the deadline has passed, and costs the assignee what the rulebook names (事不过夜, PSI-OVERNIGHT, 3)', async () => {
    clock.set('2026-10-09T09:50:00.001Z');
    expect(await tick()).toBe(1);
    expect((await ticketEvents('TicketDeadlineBreached')).map((e) => e.data)).toEqual([
      expect.objectContaining({ milestone: 'resolution', dueAt: '2026-10-09T09:50:00.000Z', responsibleEmployeeId: 'E-1' }),
    ]);
    const month = await scores('E-1');
    expect(month).toMatchObject({ totalDeducted: 3, score: 97 });
    expect(Object.values(month.deductions)).toEqual([expect.objectContaining({ ruleCode: 'PSI-OVERNIGHT', points: 3 })]);
  });

  it('appends nothing more when the watcher runs again or two runs race', async () => {
    await givenTheBreach();
    clock.set('2026-10-09T12:00:00.000Z');
    expect(await tick()).toBe(0);
    const breach = () =>
      app.get(CommandBus).execute(
        new TicketLifecycleCommand({ type: 'RecordTicketBreach', data: { ticketId: 'T-1', milestone: 'resolution' } }, {
          actor: 'system:deadline-watcher',
          correlationId: 'race',
          causationId: 'race',
          idempotencyKey: 'deadline:ticket:T-1:resolution:2026-10-09T09:50:00.000Z',
        }),
      );
    await Promise.all([breach(), breach(), tick()]);
    await settle(app);
    expect(await ticketEvents('TicketDeadlineBreached')).toHaveLength(1);
    expect(await scores('E-1')).toMatchObject({ totalDeducted: 3 });
  });

  it('appends nothing more after a restart, and the deduction stays single', async () => {
    await givenTheBreach();
    await app.close();
    ({ app, tokenFor } = await startTestApp(clock, dataDir));
    http = await operatorAgent(app, tokenFor);
    await settle(app);
    expect(await tick()).toBe(0);
    expect(await ticketEvents('TicketDeadlineBreached')).toHaveLength(1);
    expect(await scores('E-1')).toMatchObject({ totalDeducted: 3, score: 97 });
  });

  it('obliges the supervisor to talk within 24 hours, and costs them 2 points (001:1239) when missed', async () => {
    await givenTheBreach();
    const obligations = (await store().readAll()).filter((e) => e.type === 'TalkObligationOpened');
    expect(obligations).toHaveLength(1);
    expect(obligations[0].data).toMatchObject({ employeeId: 'E-1', supervisorId: 'S-1', openedAt: '2026-10-09T09:50:00.001Z', dueAt: '2026-10-10T09:50:00.001Z' });
    const overdue = await http.get('/overdue?clock=talk&asOf=2026-10-10T10:00:00Z').expect(200);
    expect(overdue.body.items).toEqual([expect.objectContaining({ clock: 'talk', assigneeId: 'S-1', overdueMinutes: 9 })]);

    clock.set('2026-10-10T10:00:00.000Z');
    expect(await tick()).toBe(1);
    expect(await scores('S-1')).toMatchObject({ totalDeducted: 2, score: 98 });
    const deduction = (await store().readAll()).find((e) => e.type === 'DeductionApplied' && (e.data as { employeeId: string }).employeeId === 'S-1');
    expect(deduction?.data).toMatchObject({ ruleCode: 'WD-TALK', source: { kind: 'talkObligation', obligationId: obligations[0].data && (obligations[0].data as { obligationId: string }).obligationId } });
    expect(deduction?.metadata.causationId).toBe((await store().readAll()).find((e) => e.type === 'TalkObligationBreached')?.id);
  });
});
