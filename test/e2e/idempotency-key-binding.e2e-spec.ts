import type { INestApplication } from '@nestjs/common';
import { defaultRulebook } from '../../src/rulebook/default-rulebook';
import { EVENT_STORE } from '../../src/shared/event-store/event-store.port';
import type { EventStore } from '../../src/shared/event-store/event-store.port';
import { twoWorkingDaysForRepairs } from '../service-levels/service-levels.fixture';
import { agentWith, ManualClock, operatorAgent, startTestApp } from '../support/test-app';

/**
 * An Idempotency-Key is bound to the principal and to the request it was first used for (method,
 * path, body): reusing it for another command is refused, and only the very same request replays.
 */
describe('Idempotency-Key bound to the request', () => {
  const clock = new ManualClock(new Date('2026-03-31T04:00:00.000Z'));
  let app: INestApplication;
  let http: Awaited<ReturnType<typeof operatorAgent>>;
  let steward: ReturnType<typeof agentWith>;
  let store: EventStore;

  beforeAll(async () => {
    const started = await startTestApp(clock);
    app = started.app;
    http = await operatorAgent(app, started.tokenFor, ['repairs']);
    await http.post('/rulebook/versions').send(defaultRulebook).expect((res) => expect([200, 201]).toContain(res.status));
    await http.post('/employees').send({ employeeId: 'E-1', name: 'Wang Wu', department: 'repairs', position: 'property-steward' }).expect(201);
    // one principal who may both apply a deduction (supervisor of repairs) and contest it (as E-1)
    steward = agentWith(app, await started.tokenFor({ id: 'sup-e1', roles: ['supervisor', 'employee'], departments: ['repairs'], employeeId: 'E-1' }));
    store = app.get(EVENT_STORE);
  });
  afterAll(() => app?.close());

  const deduction = { deductionId: 'D-1', employeeId: 'E-1', ruleCode: 'PS-01', occurredAt: '2026-03-10T10:00:00+08:00', reason: 'late report' };

  it('given a deduction applied with key k1, when it is contested with k1, then 422 idempotency_key_reused and nothing is appended', async () => {
    await steward.post('/deductions').set('Idempotency-Key', 'k1').send(deduction).expect(201);
    const before = await store.readStream('deduction-D-1');
    const reused = await steward.post('/deductions/D-1/contest').set('Idempotency-Key', 'k1').send({ reason: 'I was on leave', contestedAt: '2026-03-12T10:00:00+08:00' });
    expect(reused.status).toBe(422);
    expect(reused.body).toMatchObject({ code: 'idempotency_key_reused', path: 'headers.idempotency-key' });
    expect(await store.readStream('deduction-D-1')).toEqual(before);
    // with a key of its own the contest is recorded
    const contested = await steward.post('/deductions/D-1/contest').set('Idempotency-Key', 'k2').send({ reason: 'I was on leave', contestedAt: '2026-03-12T10:00:00+08:00' }).expect(201);
    expect(contested.body.appended).toBe(1);
    expect((await store.readStream('deduction-D-1')).map((event) => event.type)).toEqual([...before.map((event) => event.type), 'DeductionContested']);
  });

  it('given a deduction applied with a key, when the very same request is retried, then the first answer returns and nothing is appended', async () => {
    const body = { ...deduction, deductionId: 'D-2' };
    const first = await steward.post('/deductions').set('Idempotency-Key', 'k3').send(body).expect(201);
    const head = await store.headPosition();
    // the same body with its keys in another order is the same request
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    const retry = await steward.post('/deductions').set('Idempotency-Key', 'k3').send(reordered).expect(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(await store.headPosition()).toBe(head);
  });

  it('given service levels defined with a key, when another body is PUT with that key, then 422 and the levels in force are unchanged; the same PUT replays', async () => {
    const first = await http.put('/service-levels').set('Idempotency-Key', 'levels-1').send(twoWorkingDaysForRepairs).expect(200);
    const inForce = (await http.get('/service-levels').expect(200)).body;
    const head = await store.headPosition();
    const changed = { ...twoWorkingDaysForRepairs, ticketPolicies: [{ ...twoWorkingDaysForRepairs.ticketPolicies[0], onReassignment: 'restart' }] };
    const reused = await http.put('/service-levels').set('Idempotency-Key', 'levels-1').send(changed);
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('idempotency_key_reused');
    expect(await store.headPosition()).toBe(head);
    expect((await http.get('/service-levels').expect(200)).body).toEqual(inForce);
    const replayed = await http.put('/service-levels').set('Idempotency-Key', 'levels-1').send(twoWorkingDaysForRepairs).expect(200);
    expect(replayed.body).toEqual(first.body);
    expect(await store.headPosition()).toBe(head);
  });

  it('given a key used by one principal, when another principal uses it, then theirs is a command of its own', async () => {
    await http.post('/deductions').set('Idempotency-Key', 'shared').send({ ...deduction, deductionId: 'D-3' }).expect(201);
    const other = await steward.post('/deductions').set('Idempotency-Key', 'shared').send({ ...deduction, deductionId: 'D-4' }).expect(201);
    expect(other.body.appended).toBe(1);
    expect(await store.readStream('deduction-D-4')).toHaveLength(1);
  });
});
