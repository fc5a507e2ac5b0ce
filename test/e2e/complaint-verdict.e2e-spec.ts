import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { EVENT_STORE } from '../../src/shared/event-store/event-store.port';
import type { EventStore } from '../../src/shared/event-store/event-store.port';
import { settle } from '../support/settle';
import { makeTempDir, removeDir } from '../support/temp-dir';
import { ManualClock, operatorAgent, startTestApp } from '../support/test-app';
import type { Http } from '../service-levels/service-levels.fixture';
import { defineServiceLevels, registerStaff } from '../service-levels/service-levels.fixture';

/** A complaint upheld against two employees costs each 2 points (004:146) once; reversing it gives them back. */
describe('a complaint upheld against two employees, then reversed', () => {
  const clock = new ManualClock(new Date('2026-10-12T07:00:00.000Z'));
  let app: INestApplication;
  let dataDir: string;
  let http: Http;
  let tokenFor: Awaited<ReturnType<typeof startTestApp>>['tokenFor'];
  const post = (url: string, body: object, actor = 'supervisor-1') => http.post(url).set('X-Actor', actor).send(body);
  const score = async (employeeId: string) => (await http.get(`/employees/${employeeId}/scores?from=2026-10&to=2026-10`).expect(200)).body.months[0];
  const deductionsOf = async (employeeId: string) =>
    (await app.get<EventStore>(EVENT_STORE).readBySubject(`employee:${employeeId}`)).filter((e) => e.type === 'DeductionApplied');

  const verdict = { outcome: 'upheld', employeeIds: ['E-1', 'E-2'], reasoning: 'recording confirms it', decidedAt: '2026-10-12T13:45:00+08:00' };

  beforeAll(async () => {
    // a folder of the test's own: the app restarts on it
    dataDir = makeTempDir('verdict');
    ({ app, tokenFor } = await startTestApp(clock, dataDir));
    http = await operatorAgent(app, tokenFor);
    await defineServiceLevels(http);
    await registerStaff(http, [{ employeeId: 'S-1', position: 'workshop-director' }, ...['E-1', 'E-2', 'E-3'].map((employeeId) => ({ employeeId, position: 'property-steward', ...(employeeId === 'E-1' ? { supervisorId: 'S-1' } : {}) }))]);
    await post('/deductions', { deductionId: 'D-0', employeeId: 'E-1', ruleCode: 'PS-07', points: 2, occurredAt: '2026-10-09T10:00:00+08:00', reason: 'late patrol' }).expect(201);
    await post('/complaints', {
      complaintId: 'C-1',
      channel: 'hotline',
      complainant: { name: 'Zhang San' },
      subject: 'service attitude',
      description: 'Both stewards were rude',
      severity: 'normal',
      receivedAt: '2026-10-12T09:00:00+08:00',
      concernsEmployeeIds: ['E-1', 'E-2'],
    }, 'clerk-1').expect(201);
    await settle(app);
  });
  afterAll(async () => {
    await app?.close();
    removeDir(dataDir);
  });

  it('walks the lifecycle, refusing steps out of order with a stable code', async () => {
    expect((await post('/complaints/C-1/resolution', { resolvedAt: '2026-10-12T10:00:00+08:00', resolution: 'x' }).expect(422)).body.code).toBe('complaint_not_assigned');
    expect((await post('/complaints/C-1/callback', { calledBackAt: '2026-10-12T10:00:00+08:00', satisfied: true, notes: 'x' }).expect(422)).body.code).toBe('complaint_not_resolved');
    await post('/complaints/C-1/assignment', { assigneeId: 'E-3', assignedAt: '2026-10-12T09:10:00+08:00' }).expect(201);
    await post('/complaints/C-1/resolution', { resolvedAt: '2026-10-12T11:00:00+08:00', resolution: 'apologised' }).expect(201);
    await post('/complaints/C-1/callback', { calledBackAt: '2026-10-12T12:00:00+08:00', satisfied: false, notes: 'still unhappy' }).expect(201);
    await post('/complaints/C-1/resolution', { resolvedAt: '2026-10-12T13:00:00+08:00', resolution: 'apologised in person' }).expect(201);
    await post('/complaints/C-1/callback', { calledBackAt: '2026-10-12T13:30:00+08:00', satisfied: true, notes: 'fine now' }).expect(201);
    const types = (await app.get<EventStore>(EVENT_STORE).readStream('complaint-C-1')).map((e) => e.type);
    expect(types).toEqual([
      'ComplaintReceived', 'ComplaintClockStarted', 'ComplaintAssigned', 'ComplaintResolved', 'ComplaintClockStarted',
      'ComplaintCallbackRecorded', 'ComplaintClockStarted', 'ComplaintResolved', 'ComplaintClockStarted', 'ComplaintCallbackRecorded',
    ]);
    expect((await post('/complaints/C-1/verdict-reversal', { reason: 'x', reversedAt: '2026-10-12T13:40:00+08:00' }).expect(422)).body.code).toBe('no_verdict_in_force');
  });

  it('costs each steward named what the rulebook names for an upheld complaint (PS-17, 2 points), once', async () => {
    const before = [await score('E-1'), await score('E-2')];
    await post('/complaints/C-1/verdict', verdict).expect(201);
    expect((await post('/complaints/C-1/verdict', verdict).expect(201)).body.appended).toBe(0);
    await settle(app);
    await app.close();
    ({ app, tokenFor } = await startTestApp(clock, dataDir));
    http = await operatorAgent(app, tokenFor);
    await settle(app);

    expect(before.map((m) => m.totalDeducted)).toEqual([2, 0]);
    expect(await score('E-1')).toMatchObject({ totalDeducted: 4, score: 96 });
    expect(await score('E-2')).toMatchObject({ totalDeducted: 2, score: 98 });
    for (const id of ['E-1', 'E-2']) {
      const fromVerdict = (await deductionsOf(id)).filter((e) => (e.data as { source?: object }).source);
      expect(fromVerdict.map((e) => e.data)).toEqual([expect.objectContaining({ ruleCode: 'PS-17', points: 2, source: { kind: 'complaint', complaintId: 'C-1' } })]);
    }
  });

  it('withdraws both deductions when the verdict is reversed, and the scores return', async () => {
    // given the verdict (the same one again appends nothing)
    await post('/complaints/C-1/verdict', verdict).expect(201);
    await settle(app);
    await post('/complaints/C-1/verdict-reversal', { reason: 'a temporary worker took the call', reversedAt: '2026-10-12T13:50:00+08:00' }).expect(201);
    await settle(app);
    expect(await score('E-1')).toMatchObject({ totalDeducted: 2, score: 98 });
    expect(await score('E-2')).toMatchObject({ totalDeducted: 0, score: 100 });
    const withdrawn = (await app.get<EventStore>(EVENT_STORE).readAll()).filter((e) => e.type === 'DeductionWithdrawn');
    expect(withdrawn.map((e) => (e.data as { employeeId: string }).employeeId).sort()).toEqual(['E-1', 'E-2']);
    const cancelled = (await app.get<EventStore>(EVENT_STORE).readAll()).filter((e) => e.type === 'TalkObligationCancelled');
    expect(cancelled).toHaveLength(1);
  });
});
