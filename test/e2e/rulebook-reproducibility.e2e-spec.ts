import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createPeriodScoresProjection } from '../../projections/period-scores.projection';
import { collectionOf } from '../../src/shared/projector/projection';
import { defaultRulebook } from '../../src/rulebook/default-rulebook';
import type { RulebookVersion } from '../../src/rulebook/domain/rulebook.types';
import { EVENT_STORE } from '../../src/shared/event-store/event-store.port';
import { rebuildProjection } from '../../src/shared/projector/rebuild-projection';
import { SqliteReadStore } from '../../src/shared/read-store/sqlite/sqlite-read-store';
import { agentWith, ManualClock, operatorAgent, startTestApp } from '../support/test-app';

/** A revision of the rulebook, periods closing, a hearing after the close, and the department roll-up. */
describe('reproducible scores across a rulebook revision, a close and a late hearing', () => {
  const clock = new ManualClock(new Date('2026-03-22T04:00:00.000Z'));
  let app: INestApplication;
  let http: ReturnType<typeof request.agent>;
  /** Who else acts: the contesting employee and a panel member (employee P-2). */
  const agents: Record<string, ReturnType<typeof request.agent>> = {};
  let position = 0;

  const post = async (url: string, body: object, status = 201, actor = 'supervisor-1') => {
    const res = await (agents[actor] ?? http).post(url).send(body);
    expect({ url, status: res.status, body: res.body }).toMatchObject({ status });
    if (res.body.position) position = Math.max(position, res.body.position);
    return res.body;
  };
  const scoreOf = async (employeeId: string, period: string) =>
    (await http.get(`/employees/${employeeId}/period-scores?period=${period}&minPosition=${position}`).expect(200)).body.periods[0];
  const complaint = (id: string, employeeId: string, occurredAt: string) => post('/deductions', { deductionId: id, employeeId, ruleCode: 'TS-COMPLAINT', occurredAt, reason: 'valid complaint' });

  // Version 2: a valid complaint costs 4, and the delivery driver is graded on 90/75/60.
  const revision: RulebookVersion = {
    ...defaultRulebook,
    version: 2,
    effectiveFrom: '2026-07-01T00:00:00+08:00',
    title: 'Revision effective 2026-07-01',
    rules: defaultRulebook.rules.map((r) => (r.code === 'TS-COMPLAINT' ? { ...r, shape: { kind: 'fixed', points: 4 } } : r)),
    schemes: defaultRulebook.schemes.map((s) =>
      s.position === 'delivery-driver' ? { ...s, grades: [{ grade: 'excellent', minTotal: 90 }, { grade: 'good', minTotal: 75 }, { grade: 'pass', minTotal: 60 }, { grade: 'fail', minTotal: 0 }] } : s,
    ),
  };

  beforeAll(async () => {
    const started = await startTestApp(clock);
    app = started.app;
    http = await operatorAgent(app, started.tokenFor, ['stewards', 'delivery']);
    agents['E-PS'] = agentWith(app, await started.tokenFor({ id: 'E-PS', roles: ['employee'], employeeId: 'E-PS' }));
    agents['panel-1'] = agentWith(app, await started.tokenFor({ id: 'panel-1', roles: ['panel-member'], employeeId: 'P-2' }));
    await post('/rulebook/versions', defaultRulebook, 201, 'admin-1');
    for (const [id, dept, pos] of [['E-PS', 'stewards', 'property-steward'], ['E-D1', 'delivery', 'delivery-driver'], ['E-D2', 'delivery', 'delivery-driver'], ['E-HEAD', 'delivery', 'delivery-driver']]) {
      await post('/employees', { employeeId: id, name: id, department: dept, position: pos }, 201, 'admin-1');
    }
  });
  afterAll(() => app?.close());

  // one timeline: each step builds on the facts and the clock of the one before
  it('keeps March sealed and corrected, 2026-H1 unchanged by the revision, and rolls the department up once at the close', async () => {
    // closing March seals the score; a hearing in May that overturns a March deduction is kept as a correction
    await post('/periods', { period: '2026-03', openedAt: '2026-03-01T00:00:00+08:00' });
    await post('/deductions', { deductionId: 'M-1', employeeId: 'E-PS', ruleCode: 'PS-10', occurredAt: '2026-03-20T10:00:00+08:00', reason: 'complaint not recorded' });
    await post('/deductions', { deductionId: 'M-2', employeeId: 'E-PS', ruleCode: 'PS-01', occurredAt: '2026-03-21T10:00:00+08:00', reason: 'late report' });
    clock.set('2026-03-25T02:00:00.000Z');
    await post('/deductions/M-1/contest', { reason: 'it was recorded on paper', contestedAt: '2026-03-25T09:00:00+08:00' }, 201, 'E-PS');
    expect(await scoreOf('E-PS', '2026-03')).toMatchObject({ normalised: 93, openAppeals: 1 });
    clock.set('2026-04-02T02:00:00.000Z');
    await post('/periods/2026-03/close', { closedAt: '2026-04-02T09:00:00+08:00' });
    expect((await http.post('/deductions').send({ deductionId: 'M-3', employeeId: 'E-PS', ruleCode: 'PS-01', occurredAt: '2026-03-30T10:00:00+08:00', reason: 'late' }).expect(422)).body.code).toBe('period_closed');
    const panel = ['P-1', 'P-2', 'P-3', 'R-1', 'R-2'];
    const bad = await agents['panel-1'].post('/deductions/M-1/hearing').send({ panel, employeeRepresentatives: ['R-1'], outcome: 'overturned', reasoning: 'x', heardAt: '2026-04-01T09:00:00+08:00' }).expect(422);
    expect(bad.body.code).toBe('too_few_employee_representatives');
    const withApplier = await agents['panel-1'].post('/deductions/M-1/hearing').send({ panel: [...panel.slice(1), 'operator-1'], employeeRepresentatives: ['R-1', 'R-2'], outcome: 'overturned', reasoning: 'x', heardAt: '2026-04-01T09:00:00+08:00' }).expect(422);
    expect(withApplier.body.code).toBe('applier_on_panel');
    clock.set('2026-05-10T02:00:00.000Z');
    // asOf is store time: the instant the close was recorded, before the hearing was.
    const sealedEvent = (await http.get('/employees/E-PS/record').expect(200)).body.events.find((e: { type: string }) => e.type === 'PeriodScoreSealed');
    const beforeHearing = encodeURIComponent(sealedEvent.recordedAt);
    await post('/deductions/M-1/hearing', { panel, employeeRepresentatives: ['R-1', 'R-2'], outcome: 'overturned', reasoning: 'the paper record was found', heardAt: '2026-05-10T09:00:00+08:00' }, 201, 'panel-1');
    const march = await scoreOf('E-PS', '2026-03');
    expect(march).toMatchObject({ normalised: 98, corrected: true, openAppeals: 0, sealed: { normalised: 93, grade: 'excellent' } });
    expect(march.corrections).toEqual([expect.objectContaining({ itemId: 'deduction:M-1', outcome: 'overturned', heardAt: '2026-05-10T01:00:00.000Z' })]);
    // The replay as the store held it before the hearing shows the sealed figure, uncorrected.
    const then = (await http.get(`/employees/E-PS/record?asOf=${beforeHearing}`).expect(200)).body.periodScores[0];
    expect(then).toMatchObject({ normalised: 93, corrected: false, sealed: { score: { normalised: 93 } } });

    // a revision effective 2026-07-01 leaves every 2026-H1 score unchanged, in the read model, the replay and a rebuild from 0
    clock.set('2026-06-29T02:00:00.000Z');
    await complaint('H1-1', 'E-D1', '2026-02-10T10:00:00+08:00');
    await complaint('H1-2', 'E-D1', '2026-03-10T10:00:00+08:00');
    for (let i = 0; i < 6; i++) await complaint(`H1-D2-${i}`, 'E-D2', `2026-04-${10 + i}T10:00:00+08:00`);
    await post('/surveys', { surveyId: 'S-D1', employeeId: 'E-D1', period: '2026-H1', ruleCode: 'TS-SAT-DELIVERY', satisfactionRate: 91, sampleSize: 30, surveyedAt: '2026-06-28T10:00:00+08:00' });
    const h1Before = await scoreOf('E-D1', '2026-H1');
    expect(h1Before).toMatchObject({ total: 98, normalised: 89.1, grade: 'excellent' });
    // A revision may not reach back into the past…
    expect((await http.post('/rulebook/versions').send({ ...revision, effectiveFrom: '2026-06-01T00:00:00+08:00' }).expect(422)).body.code).toBe('rulebook_revision_retroactive');
    await post('/rulebook/versions', revision, 201, 'admin-1');
    clock.set('2026-07-05T02:00:00.000Z');
    await complaint('H2-1', 'E-D1', '2026-07-03T10:00:00+08:00');
    // …and an H1 complaint recorded late is still judged by the rule in force when it occurred.
    await complaint('H1-late', 'E-D2', '2026-06-20T10:00:00+08:00');
    const h2 = await scoreOf('E-D1', '2026-H2');
    expect(h2).toMatchObject({ schemeVersion: 2, total: 106 });
    const h1 = await scoreOf('E-D1', '2026-H1');
    expect(h1).toEqual(h1Before);
    expect((await scoreOf('E-D2', '2026-H1')).parts[2].points).toBe(20 - 7 * 2);

    const replayed = (await http.get('/employees/E-D1/record').expect(200)).body.periodScores.find((p: { period: string }) => p.period === '2026-H1');
    expect(replayed).toMatchObject({ normalised: 89.1, grade: 'excellent', score: { total: 98 } });

    // in memory: a rebuild leaves no file behind
    const fresh = new SqliteReadStore({ file: ':memory:' });
    const projection = createPeriodScoresProjection();
    await rebuildProjection(app.get(EVENT_STORE), fresh, projection);
    const rebuilt = await fresh.get<{ _id: string; score: { normalised: number; grade: string; total: number } }>(collectionOf(projection), 'E-D1:2026-H1');
    expect(rebuilt?.score).toMatchObject({ total: 98, normalised: 89.1, grade: 'excellent' });
    const rebuiltMarch = await fresh.get<{ _id: string; normalised: number; corrected: boolean }>(collectionOf(projection), 'E-PS:2026-03');
    expect(rebuiltMarch).toMatchObject({ normalised: 98, corrected: true });
    await fresh.close();

    // closing 2026-H1 seals the scores and applies the department roll-up once, traceable to the close (004:182)
    // D2: 66 of 110 = 60 after a poor survey (recorded after the revision, still scored under version 1).
    await post('/surveys', { surveyId: 'S-D2', employeeId: 'E-D2', period: '2026-H1', ruleCode: 'TS-SAT-DELIVERY', satisfactionRate: 80, sampleSize: 30, surveyedAt: '2026-06-28T10:00:00+08:00' });
    await post('/periods', { period: '2026-H1', openedAt: '2026-01-01T00:00:00+08:00' });
    const closed = await post('/periods/2026-H1/close', { closedAt: '2026-07-05T09:00:00+08:00', departmentHeads: { delivery: 'E-HEAD' } });
    const departments = (await http.get(`/period-scores/departments?period=2026-H1&minPosition=${position}`).expect(200)).body.departments;
    // The summary reads the sealed-with-penalty scores: (89.1 + 35 + 98) / 3.
    expect(departments.find((d: { department: string }) => d.department === 'delivery')).toMatchObject({ staff: 3, belowThreshold: true });
    // Average before the penalties (89.1 + 60 + 100) / 3 = 83.03: the head loses 1.97, D2 (60) loses 25, D1 (89.1) nothing.
    const d2 = await scoreOf('E-D2', '2026-H1');
    expect(d2.items.filter((i: { kind: string }) => i.kind === 'roll-up')).toEqual([expect.objectContaining({ points: 25 })]);
    expect(d2).toMatchObject({ normalised: 35, sealed: { normalised: 35 }, corrected: false });
    const head = await scoreOf('E-HEAD', '2026-H1');
    expect(head.items.filter((i: { kind: string }) => i.kind === 'roll-up')).toEqual([expect.objectContaining({ points: 1.97 })]);
    expect(head).toMatchObject({ normalised: 98, sealed: { normalised: 98 } });
    const d1 = await scoreOf('E-D1', '2026-H1');
    expect(d1).toMatchObject({ normalised: 89.1, sealed: { normalised: 89.1 } });
    expect(d1.items.some((i: { kind: string }) => i.kind === 'roll-up')).toBe(false);
    const trail = (await http.get('/employees/E-D2/record').expect(200)).body.events;
    const penalty = trail.find((e: { type: string }) => e.type === 'RollUpPenaltyApplied');
    const seal = trail.find((e: { type: string }) => e.type === 'PeriodScoreSealed');
    expect(penalty.causationId).toBe(seal.causationId);
    expect(penalty.position).toBeLessThanOrEqual(closed.position);
    // Closing again changes nothing.
    expect((await post('/periods/2026-H1/close', { closedAt: '2026-07-05T09:00:00+08:00', departmentHeads: { delivery: 'E-HEAD' } })).appended).toBe(0);
    const ranked = (await http.get(`/period-scores?period=2026-H1&sort=bottom&limit=1&minPosition=${position}`).expect(200)).body;
    expect(ranked.scores[0]).toMatchObject({ employeeId: 'E-D2' });
    expect(ranked.nextCursor).not.toBeNull();
    const csv = await http.get(`/period-scores?period=2026-H1&format=csv`).expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.text.split('\r\n')[0]).toContain('companyRank,departmentRank,employeeId');
  });
});
