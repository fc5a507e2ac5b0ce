import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { EVENT_STORE } from '../../src/shared/event-store/event-store.port';
import type { EventStore } from '../../src/shared/event-store/event-store.port';
import { defaultRulebook } from '../../src/rulebook/default-rulebook';
import { DeadlineWatcher } from '../../src/policies/deadline-watcher/deadline-watcher.service';
import { createOpenTicketsProjection } from '../../projections/overdue.projection';
import { foldProjection } from '../../projections/fold';
import { settle } from '../support/settle';
import { bearer, ManualClock, operatorAgent, startTestApp } from '../support/test-app';

/**
 * The appeal clock under the default rulebook (which sets no hearing limit: 15 days): D-1 and D-2
 * contested on Tuesday 31 March 2026 at 10:00 Shanghai, hearings due 15 April at 10:00 (02:00Z).
 * D-1 is heard on 10 April; D-2 is not heard in time.
 */
describe('an appeal awaiting its hearing', () => {
  const clock = new ManualClock(new Date('2026-03-31T04:00:00.000Z'));
  let app: INestApplication;
  let http: ReturnType<typeof request.agent>;
  let raw: ReturnType<typeof request>;
  const as = {} as Record<'e1' | 'panel1', Record<string, string>>;
  const store = () => app.get<EventStore>(EVENT_STORE);
  const tick = async () => {
    const recorded = await app.get(DeadlineWatcher).tick();
    await settle(app);
    return recorded;
  };
  const hearings = async (query: string) =>
    ((await http.get(`/overdue?clock=hearing&${query}`).expect(200)).body.items as { subjectId: string; dueAt: string; breached: boolean }[]).map(({ subjectId, dueAt, breached }) => ({ subjectId, dueAt, breached }));

  beforeAll(async () => {
    let tokenFor: Awaited<ReturnType<typeof startTestApp>>['tokenFor'];
    ({ app, tokenFor } = await startTestApp(clock));
    http = await operatorAgent(app, tokenFor, ['steward-office']);
    raw = request(app.getHttpServer());
    as.e1 = bearer(await tokenFor({ id: 'E-1', roles: ['employee'], employeeId: 'E-1' }));
    as.panel1 = bearer(await tokenFor({ id: 'panel-1', roles: ['panel-member'], employeeId: 'P-1' }));
    await http.post('/rulebook/versions').send(defaultRulebook).expect((res) => expect([200, 201]).toContain(res.status));
    await http.post('/employees').send({ employeeId: 'E-1', name: 'Li Ming', department: 'steward-office', position: 'property-steward' }).expect(201);
    for (const deductionId of ['D-1', 'D-2']) {
      await http.post('/deductions').send({ deductionId, employeeId: 'E-1', ruleCode: 'PS-01', occurredAt: '2026-03-20T10:00:00+08:00', reason: 'late report' }).expect(201);
      await raw.post(`/deductions/${deductionId}/contest`).set(as.e1).send({ reason: 'it was reported on paper', contestedAt: '2026-03-31T10:00:00+08:00' }).expect(201);
    }
    await settle(app);
  });
  afterAll(() => app?.close());

  it('lists the hearings on the overdue board as due within the default 15 days', async () => {
    const due = '2026-04-15T02:00:00.000Z';
    expect(await hearings('asOf=2026-04-14T03:00:00.000Z&dueWithinMinutes=1440')).toEqual([
      { subjectId: 'D-1', dueAt: due, breached: false },
      { subjectId: 'D-2', dueAt: due, breached: false },
    ]);
    expect(await hearings('asOf=2026-04-14T03:00:00.000Z')).toEqual([]);
  });

  it('is stopped by the hearing; the one not held in time is breached once, however often the watcher runs; the clocks rebuild the same from the events', async () => {
    // D-1 is heard on 10 April
    clock.set('2026-04-10T04:00:00.000Z');
    const hearing = { panel: ['P-1', 'P-2', 'P-3', 'P-4', 'P-5'], employeeRepresentatives: ['P-4', 'P-5'], outcome: 'upheld', reasoning: 'fair', heardAt: '2026-04-10T10:00:00+08:00' };
    await raw.post('/deductions/D-1/hearing').set(as.panel1).send(hearing).expect(201);
    await settle(app);
    expect((await hearings('asOf=2026-04-14T03:00:00.000Z&dueWithinMinutes=1440')).map((h) => h.subjectId)).toEqual(['D-2']);

    // D-2's hearing is not held in time: the watcher (run twice) records the breach once
    clock.set('2026-04-15T02:00:00.000Z');
    expect(await tick()).toBe(0);
    clock.set('2026-04-16T00:00:00.000Z');
    expect(await tick()).toBe(1);
    expect(await tick()).toBe(0);
    const breaches = async (id: string) => (await store().readStream(`deduction-${id}`)).filter((e) => e.type === 'HearingDeadlineBreached').map((e) => e.data);
    expect(await breaches('D-2')).toEqual([expect.objectContaining({ deductionId: 'D-2', dueAt: '2026-04-15T02:00:00.000Z' })]);
    expect(await breaches('D-1')).toEqual([]);
    expect(await hearings('asOf=2026-04-16T00:00:00.000Z')).toEqual([{ subjectId: 'D-2', dueAt: '2026-04-15T02:00:00.000Z', breached: true }]);

    // a rebuild from the stored events finds the same clocks
    const rebuilt = foldProjection(createOpenTicketsProjection(), await store().readAll());
    const clocks = [...rebuilt.values()].filter((d) => d.clock === 'hearing').map(({ subjectId, dueAt, stoppedAt, breached }) => ({ subjectId, dueAt, stoppedAt, breached }));
    expect(clocks).toEqual([
      { subjectId: 'D-1', dueAt: '2026-04-15T02:00:00.000Z', stoppedAt: '2026-04-10T02:00:00.000Z', breached: false },
      { subjectId: 'D-2', dueAt: '2026-04-15T02:00:00.000Z', stoppedAt: '9999-12-31T23:59:59.999Z', breached: true },
    ]);
  });
});
