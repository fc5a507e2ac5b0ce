import type { INestApplication } from '@nestjs/common';
import { EventBus } from '@nestjs/cqrs';
import request from 'supertest';
import { StoredEvent } from '../../src/shared/event-bus/stored-event';
import { MongoReadStore } from '../../src/shared/read-store/mongodb/mongo-read-store';
import { EsdbDouble } from '../doubles/esdb/esdb-double.server';
import { InMemoryMongoDatabase } from '../doubles/in-memory-mongo';
import { bearer, ManualClock, startTestApp } from '../support/test-app';
import type { TestPrincipal } from '../support/test-app';

type Started = Awaited<ReturnType<typeof startTestApp>>;
type Backend = (clock: ManualClock) => Promise<{ app: INestApplication; tokenFor: Started['tokenFor']; stop: () => Promise<void> }>;

/** The principals of the walkthrough; each id is the actor its commands write into the events. */
const principals: TestPrincipal[] = [
  { id: 'admin-1', roles: ['admin'] },
  { id: 'clerk-1', roles: ['clerk'] },
  { id: 'supervisor-1', roles: ['supervisor'], departments: ['customer-service', 'repairs'] },
  { id: 'E-1', roles: ['employee'], employeeId: 'E-1' },
  { id: 'panel-1', roles: ['panel-member'], employeeId: 'P-1' },
  { id: 'auditor-1', roles: ['auditor'] },
];

async function tokensFor(tokenFor: Started['tokenFor']): Promise<Record<string, string>> {
  const tokens: Record<string, string> = {};
  for (const principal of principals) tokens[principal.id] = await tokenFor(principal);
  return tokens;
}

const embedded: Backend = async (clock) => {
  const { app, tokenFor } = await startTestApp(clock);
  return { app, tokenFor, stop: () => app.close() };
};

/** The server adapters, in process: EventStoreDB's protocol double and MongoDB's mingo executor. */
const serverAdapters: Backend = async (clock) => {
  const double = await EsdbDouble.start();
  try {
    const { app, tokenFor } = await startTestApp(clock, undefined, { EVENTSTOREDB_CONNECTION_STRING: double.connectionString }, new MongoReadStore(new InMemoryMongoDatabase()));
    return { app, tokenFor, stop: async () => (await app.close(), await double.stop()) };
  } catch (error) {
    await double.stop();
    throw error;
  }
};

/**
 * The walking skeleton end to end: the four facts recorded over HTTP and read back from scores,
 * overdue, the audit trail and the record replayed from the event store — on the embedded stores
 * and on the EventStoreDB and MongoDB adapters.
 */
describe.each([
  ['the embedded SQLite stores', embedded],
  ['the EventStoreDB and MongoDB adapters (protocol double, mingo executor)', serverAdapters],
])('the four facts over HTTP on %s', (_name, backend: Backend) => {
  const clock = new ManualClock(new Date('2026-03-31T04:00:00.000Z'));
  let app: INestApplication;
  let stop: () => Promise<void>;
  let http: ReturnType<typeof request>;
  const published: StoredEvent[] = [];
  let tokens: Record<string, string>;

  const post = (url: string, body: object, actor = 'clerk-1') => http.post(url).set(bearer(tokens[actor])).send(body);
  const get = (url: string, reader = 'auditor-1') => http.get(url).set(bearer(tokens[reader]));

  beforeAll(async () => {
    let tokenFor: Started['tokenFor'];
    ({ app, stop, tokenFor } = await backend(clock));
    tokens = await tokensFor(tokenFor);
    http = request(app.getHttpServer());
    app.get(EventBus).subscribe((event) => {
      if (event instanceof StoredEvent) published.push(event);
    });
  });
  afterAll(() => stop?.());

  let lastPosition = 0;
  const ok = async (url: string, body: object, actor?: string) => {
    const res = await post(url, body, actor);
    expect({ url, status: res.status, body: res.body }).toMatchObject({ url, status: 201 });
    lastPosition = res.body.position;
    return res.body;
  };

  /** The facts every test below reads: recorded once, by whichever of them runs first. */
  let walkthrough: Promise<void> | undefined;
  const givenTheWalkthrough = () => (walkthrough ??= recordTheWalkthrough());

  it('records an employee, a complaint, a ticket, deductions, a contest and a hearing', () => givenTheWalkthrough());

  async function recordTheWalkthrough(): Promise<void> {
    await ok('/employees', { employeeId: 'E-1', name: 'Li Ming', department: 'customer-service', position: 'property-steward' }, 'admin-1');
    await ok('/employees', { employeeId: 'E-2', name: 'Wang Qiang', department: 'repairs', position: 'repair-technician' }, 'admin-1');
    await ok('/complaints', {
      complaintId: 'C-1',
      channel: 'hotline',
      complainant: { name: 'Zhang San', phone: '+86 138 0013 8000', address: 'Building 3, unit 2, flat 501' },
      location: 'Building 3',
      subject: 'service attitude',
      description: 'The steward hung up on me.',
      severity: 'normal',
      receivedAt: '2026-03-09T10:00:00+08:00',
      concernsEmployeeIds: ['E-1'],
    });
    await ok('/tickets', {
      ticketId: 'T-1',
      kind: 'repair',
      assigneeId: 'E-2',
      description: 'Water leak',
      complaintId: 'C-1',
      dispatchedAt: '2026-03-10T09:00:00+08:00',
      resolveBy: '2026-03-10T18:00:00+08:00',
    });
    await ok('/deductions', { deductionId: 'D-1', employeeId: 'E-1', ruleCode: 'PS-17', points: 2, occurredAt: '2026-03-09T10:00:00+08:00', reason: 'valid complaint C-1', sourceComplaintId: 'C-1' }, 'supervisor-1');
    await ok('/deductions', { deductionId: 'D-2', employeeId: 'E-1', ruleCode: 'PS-07', points: 2, occurredAt: '2026-03-12T10:00:00+08:00', reason: 'late for the weekly patrol' }, 'supervisor-1');
    await ok('/deductions/D-2/contest', { reason: 'I was on an approved leave', contestedAt: '2026-03-13T10:00:00+08:00' }, 'E-1');
    clock.set('2026-03-31T04:00:00.000Z');
    await ok('/deductions/D-2/hearing', { panel: ['P-1', 'P-2', 'P-3', 'R-1', 'R-2'], employeeRepresentatives: ['R-1', 'R-2'], outcome: 'reduced', newPoints: 1, reasoning: 'leave was approved late', heardAt: '2026-03-20T15:00:00+08:00' }, 'panel-1');
  }

  it('shows the score as 100 minus the deductions in force after the hearing', async () => {
    await givenTheWalkthrough();
    const res = await get(`/employees/E-1/scores?from=2026-02&to=2026-03&minPosition=${lastPosition}`).expect(200);
    expect(res.body.months).toEqual([
      expect.objectContaining({ month: '2026-02', score: 100, totalDeducted: 0 }),
      expect.objectContaining({ month: '2026-03', score: 97, totalDeducted: 3 }),
    ]);
    const ranking = await get('/scores?month=2026-03').expect(200);
    expect(ranking.body.average).toBe(98.5);
    expect(ranking.body.scores.map((s: { employeeId: string; rank: number }) => [s.employeeId, s.rank])).toEqual([['E-2', 1], ['E-1', 2]]);
  });

  it('lists the ticket as overdue after its deadline until it is resolved', async () => {
    await givenTheWalkthrough();
    const before = await get('/overdue?clock=resolution&asOf=2026-03-10T17:00:00%2B08:00').expect(200);
    expect(before.body.items).toEqual([]);
    const after = await get('/overdue?clock=resolution&asOf=2026-03-10T19:00:00%2B08:00').expect(200);
    expect(after.body.items).toEqual([expect.objectContaining({ ticketId: 'T-1', assigneeId: 'E-2', overdueMinutes: 60 })]);
    await ok('/tickets/T-1/resolution', { resolvedAt: '2026-03-10T20:00:00+08:00', resolution: 'valve replaced' }, 'clerk-1');
    const resolved = await get(`/overdue?asOf=2026-03-11T00:00:00Z&minPosition=${lastPosition}`).expect(200);
    expect(resolved.body.items).toEqual([]);
  });

  it('keeps an audit trail of every event about the employee with actor and both times, without complainant data', async () => {
    await givenTheWalkthrough();
    const res = await get(`/employees/E-1/audit-trail?minPosition=${lastPosition}`).expect(200);
    const entries = res.body.entries as { type: string; actor: string; occurredAt: string; recordedAt: string; data: object }[];
    expect(entries.map((e) => e.type)).toEqual(['EmployeeRegistered', 'ComplaintReceived', 'DeductionApplied', 'DeductionApplied', 'DeductionContested', 'HearingRecorded']);
    expect(entries.map((e) => e.actor)).toEqual(['admin-1', 'clerk-1', 'supervisor-1', 'supervisor-1', 'E-1', 'panel-1']);
    expect(entries[2]).toEqual(expect.objectContaining({ occurredAt: '2026-03-09T02:00:00.000Z', recordedAt: expect.any(String) }));
    expect(JSON.stringify(res.body)).not.toMatch(/Zhang San|138 0013 8000|flat 501/);

    const firstPage = await get('/employees/E-1/audit-trail?limit=4').expect(200);
    const secondPage = await get(`/employees/E-1/audit-trail?limit=4&afterPosition=${firstPage.body.nextAfterPosition}`).expect(200);
    expect([...firstPage.body.entries, ...secondPage.body.entries]).toEqual(entries);
    expect(secondPage.body.nextAfterPosition).toBeNull();
  });

  it('replays the record straight from the event store, also as of an earlier instant', async () => {
    await givenTheWalkthrough();
    // a supervisor may replay the record but not see complainants' personal data
    const now = await get('/employees/E-1/record', 'supervisor-1').expect(200);
    expect(now.body.monthlyScores).toEqual([expect.objectContaining({ month: '2026-03', score: 97 })]);
    expect(JSON.stringify(now.body)).not.toMatch(/Zhang San/);
    const hearing = now.body.events.find((e: { type: string }) => e.type === 'HearingRecorded');
    const beforeHearing = new Date(Date.parse(hearing.recordedAt) - 1).toISOString();
    const then = await get(`/employees/E-1/record?asOf=${encodeURIComponent(beforeHearing)}`).expect(200);
    expect(then.body.monthlyScores).toEqual([expect.objectContaining({ month: '2026-03', score: 96 })]);
    await get('/employees/E-404/record').expect(404);
  });

  it('publishes on the event bus only events the store has recorded', async () => {
    await givenTheWalkthrough();
    expect(published.length).toBeGreaterThan(0);
    for (const { event } of published) expect(event.position).toBeGreaterThan(0);
    expect(published.map((p) => p.event.type)).toContain('HearingRecorded');
  });
});

describe('bad input and broken rules over HTTP', () => {
  const clock = new ManualClock(new Date('2026-03-31T04:00:00.000Z'));
  let app: INestApplication;
  let http: ReturnType<typeof request>;
  const head = async () => (await http.get('/health').expect(200)).body.headPosition as number;
  let as: Record<'supervisor' | 'employee' | 'panel', Record<string, string>>;

  beforeAll(async () => {
    let tokenFor: Started['tokenFor'];
    let adminToken: string;
    ({ app, tokenFor, adminToken } = await startTestApp(clock));
    http = request(app.getHttpServer());
    as = {
      supervisor: bearer(await tokenFor({ id: 'supervisor-1', roles: ['supervisor'], departments: ['cs'] })),
      employee: bearer(await tokenFor({ id: 'E-1', roles: ['employee'], employeeId: 'E-1' })),
      panel: bearer(await tokenFor({ id: 'panel-1', roles: ['panel-member'], employeeId: 'P-1' })),
    };
    await http.post('/employees').set(bearer(adminToken)).send({ employeeId: 'E-1', name: 'Li Ming', department: 'cs', position: 'property-steward' }).expect(201);
  });
  afterAll(() => app.close());

  const deduction = { deductionId: 'D-1', employeeId: 'E-1', ruleCode: 'PS-01', points: 2, occurredAt: '2026-03-09T10:00:00+08:00', reason: 'late' };

  it('answers 400 naming each bad field and the rule, and records nothing', async () => {
    const before = await head();
    const res = await http.post('/deductions').set(as.supervisor).send({ ...deduction, points: -1, occurredAt: 'yesterday', extra: 1 }).expect(400);
    const fields = res.body.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['points', 'occurredAt', 'extra']));
    expect(res.body.fields.find((f: { field: string }) => f.field === 'points').rules).toHaveProperty('min');
    expect(await head()).toBe(before);
  });

  it('answers 404 for an unknown id and 422 with a stable code for a broken rule', async () => {
    await http.post('/deductions/D-404/contest').set(as.employee).send({ reason: 'x', contestedAt: '2026-03-10T10:00:00+08:00' }).expect(404);
    const unregistered = await http.post('/deductions').set(as.supervisor).send({ ...deduction, employeeId: 'E-404' }).expect(422);
    expect(unregistered.body.code).toBe('employee_not_registered');
    await http.post('/deductions').set(as.supervisor).send(deduction).expect(201);
    const notContested = await http.post('/deductions/D-1/hearing').set(as.panel).send({ panel: ['P-1'], outcome: 'upheld', reasoning: 'ok', heardAt: '2026-03-20T10:00:00+08:00' }).expect(422);
    expect(notContested.body.code).toBe('deduction_not_contested');
  });

  it('answers 409 when If-Match names a revision the stream no longer has', async () => {
    await http.post('/deductions').set(as.supervisor).send({ ...deduction, deductionId: 'D-3' }).expect(201);
    const res = await http.post('/deductions/D-3/contest').set(as.employee).set('If-Match', '"5"').send({ reason: 'x', contestedAt: '2026-03-10T10:00:00+08:00' }).expect(409);
    expect(res.body.code).toBe('wrong_expected_revision');
    await http.post('/deductions/D-3/contest').set(as.employee).set('If-Match', '"0"').send({ reason: 'x', contestedAt: '2026-03-10T10:00:00+08:00' }).expect(201);
  });

  it('returns the first response to a retried POST with the same Idempotency-Key and appends nothing', async () => {
    const body = { ...deduction, deductionId: 'D-2' };
    const first = await http.post('/deductions').set(as.supervisor).set('Idempotency-Key', 'key-1').send(body).expect(201);
    const afterFirst = await head();
    const retry = await http.post('/deductions').set(as.supervisor).set('Idempotency-Key', 'key-1').send(body).expect(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(await head()).toBe(afterFirst);
    const reused = await http.post('/deductions').set(as.supervisor).set('Idempotency-Key', 'key-1').send({ ...body, points: 3 }).expect(422);
    expect(reused.body.code).toBe('idempotency_key_reused');
  });

  it('serves the OpenAPI document', async () => {
    const res = await http.get('/docs/openapi.json').expect(200);
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/deductions', '/deductions/{deductionId}/hearing', '/overdue', '/employees/{employeeId}/record']));
  });
});
