import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { defaultRulebook } from '../../src/rulebook/default-rulebook';
import { EVENT_STORE } from '../../src/shared/event-store/event-store.port';
import type { EventStore } from '../../src/shared/event-store/event-store.port';
import { ProjectorService } from '../../src/shared/projector/projector.service';
import { bearer, ManualClock, operatorAgent, startTestApp } from '../support/test-app';

/**
 * Given a DeductionApplied written straight to the event store with null data (an event the scores
 * projection cannot apply), when the service goes on, then every read model goes on past it, it is
 * parked for the projections that threw on it, /health is degraded naming them, GET /parked-events
 * lists it, and the employee's record replay answers 200 marking it as unfolded.
 */
describe('a poison event', () => {
  const clock = new ManualClock(new Date('2026-03-31T04:00:00.000Z'));
  let app: INestApplication;
  let http: Awaited<ReturnType<typeof operatorAgent>>;
  let tokenFor: Awaited<ReturnType<typeof startTestApp>>['tokenFor'];
  let poisonPosition: number;
  let lastPosition: number;

  const deduct = async (deductionId: string) => {
    const body = { deductionId, employeeId: 'E-1', ruleCode: 'PS-01', occurredAt: '2026-03-09T10:00:00+08:00', reason: 'late' };
    const res = await http.post('/deductions').send(body);
    expect({ status: res.status, body: res.body }).toMatchObject({ status: 201 });
    return res.body.position as number;
  };

  beforeAll(async () => {
    ({ app, tokenFor } = await startTestApp(clock));
    http = await operatorAgent(app, tokenFor, ['steward-office']);
    await http.post('/rulebook/versions').send(defaultRulebook).expect((res) => expect([200, 201]).toContain(res.status));
    await http.post('/employees').send({ employeeId: 'E-1', name: 'Li Ming', department: 'steward-office', position: 'property-steward' }).expect(201);
    await deduct('D-1');

    const store = app.get<EventStore>(EVENT_STORE);
    const [applied] = (await store.readBySubject('employee:E-1')).filter((e) => e.type === 'DeductionApplied');
    const { recordedAt: _recordedAt, ...metadata } = applied!.metadata as typeof applied.metadata & { recordedAt?: string };
    const appended = await store.append('deduction-D-POISON', [{ id: randomUUID(), type: 'DeductionApplied', data: null, metadata: { ...metadata, correlationId: randomUUID(), causationId: randomUUID() } }]);
    poisonPosition = await store.headPosition();
    expect(appended).toBeDefined();

    lastPosition = await deduct('D-2');
  });
  afterAll(() => app?.close());

  it('projects the events after it, in the projection that threw and in the others', async () => {
    const scores = await http.get(`/employees/E-1/scores?from=2026-03&to=2026-03&minPosition=${lastPosition}`).expect(200);
    expect(scores.body.months[0]).toMatchObject({ totalDeducted: 4, deductions: [expect.objectContaining({ deductionId: 'D-1' }), expect.objectContaining({ deductionId: 'D-2' })] });
    // the answer says which position it reflects: here every stored event
    expect(Number(scores.headers['x-read-model-position'])).toBeGreaterThanOrEqual(lastPosition);
    expect(scores.headers['x-event-store-head']).toBe(scores.headers['x-read-model-position']);
    const trail = await http.get(`/employees/E-1/audit-trail?minPosition=${lastPosition}`).expect(200);
    expect(JSON.stringify(trail.body)).toContain('D-2');
    const states = app.get(ProjectorService).projector.states();
    for (const state of states) expect(state.position).toBeGreaterThanOrEqual(lastPosition);
  });

  it('is parked for the scores projection, and /health is degraded naming the projection and the position', async () => {
    const parkedFor = app.get(ProjectorService).projector.states().filter((s) => s.parked.includes(poisonPosition)).map((s) => s.name);
    expect(parkedFor).toContain('scores');
    const health = await http.get('/health').expect(200);
    expect(health.body.status).toBe('degraded');
    const check = health.body.checks.find((c: { name: string }) => c.name === 'projection:scores');
    expect(check).toMatchObject({ status: 'degraded', details: { parked: 1, position: expect.any(Number), headPosition: expect.any(Number), lag: expect.any(Number) } });
    expect(check.reason).toContain(String(poisonPosition));
  });

  it('is listed by GET /parked-events for auditors, with the error; not for analysts', async () => {
    const auditor = bearer(await tokenFor({ id: 'auditor-1', roles: ['auditor'] }));
    const res = await http.get('/parked-events').set(auditor).expect(200);
    const scores = res.body.items.find((item: { projection: string }) => item.projection === 'scores');
    expect(scores).toMatchObject({ position: poisonPosition, type: 'DeductionApplied', streamName: 'deduction-D-POISON', error: expect.any(String) });
    expect(res.body.total).toBeGreaterThanOrEqual(1);
    const analyst = bearer(await tokenFor({ id: 'analyst-1', roles: ['analyst'] }));
    await http.get('/parked-events').set(analyst).expect(403);
    await http.get('/parked-events?limit=0').expect(400);
  });

  it('leaves the employee record replay answering 200, marking the event it could not fold', async () => {
    const res = await http.get('/employees/E-1/record').expect(200);
    expect(res.body.unfolded).toEqual(expect.arrayContaining([expect.objectContaining({ position: poisonPosition, type: 'DeductionApplied', error: expect.any(String) })]));
    expect(res.body.events.map((e: { position: number }) => e.position)).toContain(poisonPosition);
  });
});
