import type { INestApplication } from '@nestjs/common';
import { defaultRulebook } from '../../src/rulebook/default-rulebook';
import { DeadlineWatcher } from '../../src/policies/deadline-watcher/deadline-watcher.service';
import { EVENT_STORE } from '../../src/shared/event-store/event-store.port';
import type { EventStore, RecordedEvent } from '../../src/shared/event-store/event-store.port';
import { settle } from '../support/settle';
import { makeTempDir, removeDir } from '../support/temp-dir';
import { ManualClock, agentWith, operatorAgent, startTestApp } from '../support/test-app';
import type { Http } from '../service-levels/service-levels.fixture';

/**
 * The consequences, through the HTTP API with the shipped default rulebook in force, the
 * sagas and the deadline watcher running, and a restart in between: each fact costs what its
 * position's rulebook names, once, and a position that names nothing costs nothing.
 */
describe('every consequence lands, under the default rulebook', () => {
  const clock = new ManualClock(new Date('2026-03-10T01:00:00.000Z'));
  let app: INestApplication;
  let dataDir: string;
  let http: Http;
  let tokenFor: Awaited<ReturnType<typeof startTestApp>>['tokenFor'];
  const store = () => app.get<EventStore>(EVENT_STORE);
  const ok = async (url: string, body: object, status = 201) => {
    const res = await http.post(url).send(body);
    if (res.status !== status) throw new Error(`${url} answered ${res.status}, not ${status}: ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const tick = async () => {
    const recorded = await app.get(DeadlineWatcher).tick();
    await settle(app);
    return recorded;
  };
  const deductionsOf = async (employeeId: string): Promise<RecordedEvent[]> =>
    (await store().readAll()).filter((e) => e.type === 'DeductionApplied' && (e.data as { employeeId: string }).employeeId === employeeId);
  const register = (employeeId: string, department: string, position: string, supervisorId?: string) =>
    ok('/employees', { employeeId, name: `Staff ${employeeId}`, department, position, ...(supervisorId ? { supervisorId } : {}) });
  const restart = async () => {
    await app.close();
    ({ app, tokenFor } = await startTestApp(clock, dataDir));
    http = await operatorAgent(app, tokenFor, ['technical', 'workshop', 'delivery-west', 'repairs']);
    await settle(app);
  };

  beforeAll(async () => {
    // a folder of the test's own: the app restarts on it
    dataDir = makeTempDir('consequences');
    ({ app, tokenFor } = await startTestApp(clock, dataDir));
    http = await operatorAgent(app, tokenFor, ['technical', 'workshop', 'delivery-west', 'repairs']);
    await ok('/rulebook/versions', defaultRulebook);
    await register('WD-1', 'workshop', 'workshop-director');
    await register('AT-1', 'technical', 'assistant-technologist');
    await register('W-1', 'workshop', 'assistant-technologist', 'WD-1');
    await register('DD-1', 'delivery-west', 'delivery-driver');
    await register('R-1', 'repairs', 'repair-technician');
  });
  afterAll(async () => {
    await app?.close();
    removeDir(dataDir);
  });

  it('an assistant technologist who reaches the site 7 minutes after the call loses 1 point under AT-ARRIVAL (001:817), once, across watcher runs and restarts', async () => {
    await ok('/tickets', { ticketId: 'T-AT', kind: 'technical-support', assigneeId: 'AT-1', description: 'Line 2 stopped: technical support', dispatchedAt: '2026-03-10T09:00:00+08:00', resolveBy: '2026-03-10T18:00:00+08:00' });
    clock.set('2026-03-10T01:07:00.000Z');
    await ok('/tickets/T-AT/acknowledgement', { acknowledgedAt: '2026-03-10T09:01:00+08:00' });
    await ok('/tickets/T-AT/arrival', { arrivedAt: '2026-03-10T09:07:00+08:00' });
    await settle(app);
    expect(await tick()).toBe(0);
    expect(await tick()).toBe(0);
    await restart();
    expect(await tick()).toBe(0);
    const deductions = await deductionsOf('AT-1');
    expect(deductions.map((e) => e.data)).toEqual([expect.objectContaining({ ruleCode: 'AT-ARRIVAL', points: 1, occurredAt: '2026-03-10T01:05:00.000Z', source: { kind: 'ticket', ticketId: 'T-AT' } })]);
    const breach = (await store().readStream('ticket-T-AT')).find((e) => e.type === 'TicketDeadlineBreached');
    expect(deductions[0].metadata).toMatchObject({ actor: 'system:saga:breach', causationId: breach?.id });
    const month = (await http.get('/employees/AT-1/scores?from=2026-03&to=2026-03').expect(200)).body.months[0];
    expect(month).toMatchObject({ totalDeducted: 1 });
  });

  it('a complaint upheld against a delivery driver costs 2 points on the complaints part of the half-year (004:146); reversing it gives them back', async () => {
    clock.set('2026-03-10T03:00:00.000Z');
    await ok('/complaints', {
      complaintId: 'C-DD', channel: 'hotline', complainant: { name: 'Zhang San', phone: '+86 138 0013 8000' }, subject: 'delivery', description: 'Delivered an hour late.',
      severity: 'normal', receivedAt: '2026-03-10T10:00:00+08:00', concernsEmployeeIds: ['DD-1'],
    });
    clock.set('2026-03-12T02:00:00.000Z');
    await ok('/complaints/C-DD/verdict', { outcome: 'upheld', employeeIds: ['DD-1'], reasoning: 'GPS log confirms it', decidedAt: '2026-03-12T10:00:00+08:00' });
    await settle(app);
    const half = async () => (await http.get('/employees/DD-1/period-scores?period=2026-H1').expect(200)).body.periods[0];
    expect((await deductionsOf('DD-1')).map((e) => e.data)).toEqual([expect.objectContaining({ ruleCode: 'TS-COMPLAINT', points: 2 })]);
    expect((await half()).parts.find((p: { code: string }) => p.code === 'complaints')).toMatchObject({ max: 20, points: 18 });

    clock.set('2026-03-13T02:00:00.000Z');
    await ok('/complaints/C-DD/verdict-reversal', { reason: 'the customer withdrew the complaint', reversedAt: '2026-03-13T10:00:00+08:00' });
    await settle(app);
    expect((await store().readAll()).filter((e) => e.type === 'DeductionWithdrawn')).toHaveLength(1);
    expect((await half()).parts.find((p: { code: string }) => p.code === 'complaints')).toMatchObject({ max: 20, points: 20 });
  });

  it('a workshop director who does not talk to a penalised worker within 24 hours loses 2 points under WD-TALK (001:1239), once', async () => {
    clock.set('2026-03-16T02:00:00.000Z');
    await ok('/deductions', { deductionId: 'D-W1', employeeId: 'W-1', ruleCode: 'AT-ARRIVAL', occurredAt: '2026-03-16T09:30:00+08:00', reason: 'late to line 3' });
    await settle(app);
    clock.set('2026-03-17T03:00:00.000Z');
    expect(await tick()).toBeGreaterThan(0);
    expect(await tick()).toBe(0);
    await restart();
    expect(await tick()).toBe(0);
    expect((await deductionsOf('WD-1')).map((e) => e.data)).toEqual([expect.objectContaining({ ruleCode: 'WD-TALK', points: 2, source: expect.objectContaining({ kind: 'talkObligation' }) })]);
  });

  it('a breach by a position whose rulebook names no consequence shows on the overdue list and in the audit trail, and costs nothing', async () => {
    clock.set('2026-03-18T01:00:00.000Z');
    await ok('/tickets', { ticketId: 'T-R', kind: 'repair', priority: 'urgent', assigneeId: 'R-1', description: 'Burst pipe', dispatchedAt: '2026-03-18T09:00:00+08:00' });
    clock.set('2026-03-18T01:30:00.000Z');
    expect(await tick()).toBeGreaterThan(0);
    const overdue = (await http.get('/overdue?asOf=2026-03-18T01:30:00Z').expect(200)).body.items;
    expect(overdue).toEqual(expect.arrayContaining([expect.objectContaining({ ticketId: 'T-R', assigneeId: 'R-1' })]));
    const trail = (await http.get('/employees/R-1/audit-trail').expect(200)).body.entries;
    expect(trail.map((i: { type: string }) => i.type)).toContain('TicketDeadlineBreached');
    expect(await deductionsOf('R-1')).toEqual([]);

    // an upheld complaint the position names no price for costs nothing, and its reversal gives nothing back
    clock.set('2026-03-18T02:00:00.000Z');
    await ok('/complaints', {
      complaintId: 'C-R', channel: 'hotline', complainant: { name: 'Li Si' }, subject: 'repair', description: 'Left a mess.',
      severity: 'normal', receivedAt: '2026-03-18T09:40:00+08:00', concernsEmployeeIds: ['R-1'],
    });
    await ok('/complaints/C-R/verdict', { outcome: 'upheld', employeeIds: ['R-1'], reasoning: 'photos', decidedAt: '2026-03-18T09:45:00+08:00' });
    await settle(app);
    await ok('/complaints/C-R/verdict-reversal', { reason: 'another crew', reversedAt: '2026-03-18T09:50:00+08:00' });
    await settle(app);
    expect(await deductionsOf('R-1')).toEqual([]);
    expect((await store().readAll()).filter((e) => e.type === 'DeductionWithdrawn' && (e.data as { employeeId: string }).employeeId === 'R-1')).toEqual([]);
    expect((await http.get('/parked-consequences').expect(200)).body).toMatchObject({ items: [], total: 0 });
    const sagas = (await http.get('/health').expect(200)).body.checks.find((c: { name: string }) => c.name === 'sagas');
    expect(sagas).toMatchObject({ status: 'ok', details: expect.objectContaining({ parked: 0 }) });
  });
});

describe('a verdict names only employees the supervisor reaches', () => {
  it('given a supervisor of delivery-west, when they uphold a complaint against a workshop employee, then 403 and nothing is appended', async () => {
    const clock = new ManualClock(new Date('2026-03-10T03:00:00.000Z'));
    const { app, tokenFor } = await startTestApp(clock);
    try {
      const admin = await operatorAgent(app, tokenFor, ['delivery-west', 'workshop']);
      await admin.post('/rulebook/versions').send(defaultRulebook).expect(201);
      await admin.post('/employees').send({ employeeId: 'DD-1', name: 'DD', department: 'delivery-west', position: 'delivery-driver' }).expect(201);
      await admin.post('/employees').send({ employeeId: 'W-1', name: 'W', department: 'workshop', position: 'assistant-technologist' }).expect(201);
      await admin.post('/complaints').send({
        complaintId: 'C-1', channel: 'hotline', complainant: { name: 'Zhang San' }, subject: 'delivery', description: 'late', severity: 'normal',
        receivedAt: '2026-03-10T10:00:00+08:00', concernsEmployeeIds: ['DD-1', 'W-1'],
      }).expect(201);
      const supervisor = await tokenFor({ id: 'sup-west', roles: ['supervisor'], departments: ['delivery-west'] });
      const store = app.get<EventStore>(EVENT_STORE);
      const head = await store.headPosition();
      const refused = await agentWith(app, supervisor).post('/complaints/C-1/verdict').send({ outcome: 'upheld', employeeIds: ['DD-1', 'W-1'], reasoning: 'x', decidedAt: '2026-03-10T11:00:00+08:00' });
      expect(refused.status).toBe(403);
      expect(refused.body.message).toContain('W-1');
      expect(await store.headPosition()).toBe(head);
      await agentWith(app, supervisor).post('/complaints/C-1/verdict').send({ outcome: 'upheld', employeeIds: ['DD-1'], reasoning: 'x', decidedAt: '2026-03-10T11:00:00+08:00' }).expect(201);
    } finally {
      await app.close();
    }
  });
});
