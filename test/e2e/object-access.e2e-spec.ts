import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { bearer, ManualClock, startTestApp } from '../support/test-app';

/**
 * Object-level checks where the id comes from the caller, the actor written into events, and the
 * access log of reads of individuals.
 */
describe('who may reach which object', () => {
  const clock = new ManualClock(new Date('2026-03-31T04:00:00.000Z'));
  let app: INestApplication;
  let http: ReturnType<typeof request>;
  const as = {} as Record<'admin' | 'supervisor' | 'e1' | 'e2' | 'panel1' | 'panel9' | 'auditor' | 'analyst', Record<string, string>>;
  const head = async () => (await http.get('/health').expect(200)).body.headPosition as number;

  const contest = { reason: 'I was on leave', contestedAt: '2026-03-10T10:00:00+08:00' };
  const hearing = { panel: ['P-1', 'P-2', 'P-3', 'R-1', 'R-2'], employeeRepresentatives: ['R-1', 'R-2'], outcome: 'upheld', reasoning: 'fair', heardAt: '2026-03-20T10:00:00+08:00' };

  // a service of its own for each test: the access log and the events hold only what that test did
  beforeEach(async () => {
    let tokenFor: Awaited<ReturnType<typeof startTestApp>>['tokenFor'];
    let adminToken: string;
    ({ app, tokenFor, adminToken } = await startTestApp(clock));
    http = request(app.getHttpServer());
    as.admin = bearer(adminToken);
    as.supervisor = bearer(await tokenFor({ id: 'supervisor-cs', roles: ['supervisor'], departments: ['cs'] }));
    as.e1 = bearer(await tokenFor({ id: 'E-1', roles: ['employee'], employeeId: 'E-1' }));
    as.e2 = bearer(await tokenFor({ id: 'E-2', roles: ['employee'], employeeId: 'E-2' }));
    as.panel1 = bearer(await tokenFor({ id: 'panel-1', roles: ['panel-member'], employeeId: 'P-1' }));
    as.panel9 = bearer(await tokenFor({ id: 'panel-9', roles: ['panel-member'], employeeId: 'P-9' }));
    as.auditor = bearer(await tokenFor({ id: 'auditor-1', roles: ['auditor'] }));
    as.analyst = bearer(await tokenFor({ id: 'analyst-1', roles: ['analyst'] }));
    await http.post('/employees').set(as.admin).send({ employeeId: 'E-1', name: 'Li Ming', department: 'cs', position: 'property-steward' }).expect(201);
    await http.post('/employees').set(as.admin).send({ employeeId: 'E-2', name: 'Wang Qiang', department: 'repairs', position: 'property-steward' }).expect(201);
    const deduction = { deductionId: 'D-1', employeeId: 'E-1', ruleCode: 'PS-01', points: 2, occurredAt: '2026-03-09T10:00:00+08:00', reason: 'late' };
    await http.post('/deductions').set(as.supervisor).set('X-Actor', 'someone-else').send(deduction).expect(201);
  });
  afterEach(() => app?.close());

  it("answers 404 to an employee asking for another's record, scores or audit trail", async () => {
    for (const path of ['record', 'scores?from=2026-03&to=2026-03', 'audit-trail']) {
      await http.get(`/employees/E-2/${path}`).set(as.e1).expect(404);
      await http.get(`/employees/E-1/${path}`).set(as.e1).expect(200);
    }
  });

  it('answers 403 to a supervisor outside their departments, and appends nothing', async () => {
    const before = await head();
    const res = await http.post('/deductions').set(as.supervisor).send({ deductionId: 'D-2', employeeId: 'E-2', ruleCode: 'PS-01', points: 1, occurredAt: '2026-03-09T10:00:00+08:00', reason: 'x' }).expect(403);
    expect(res.body.code).toBe('forbidden');
    expect(await head()).toBe(before);
    await http.get('/employees/E-2/scores').set(as.supervisor).expect(403);
    await http.get('/employees/E-2/record').set(as.supervisor).expect(403);
    await http.get('/scores?month=2026-03&department=repairs').set(as.supervisor).expect(403);
    await http.get('/scores?month=2026-03').set(as.supervisor).expect(403);
    await http.get('/overdue?department=repairs').set(as.supervisor).expect(403);
    await http.get('/scores?month=2026-03&department=cs').set(as.supervisor).expect(200);
  });

  it('lets an employee contest only their own deduction', async () => {
    const before = await head();
    await http.post('/deductions/D-1/contest').set(as.e2).send(contest).expect(404);
    expect(await head()).toBe(before);
    await http.post('/deductions/D-1/contest').set(as.e1).send(contest).expect(201);
  });

  it('answers 403 to a panel member recording a hearing whose panel does not list them', async () => {
    await http.post('/deductions/D-1/contest').set(as.e1).send(contest).expect(201);
    const before = await head();
    await http.post('/deductions/D-1/hearing').set(as.panel9).send(hearing).expect(403);
    expect(await head()).toBe(before);
    await http.post('/deductions/D-1/hearing').set(as.panel1).send(hearing).expect(201);
  });

  it('writes the authenticated principal as the actor, whatever X-Actor says', async () => {
    await http.post('/deductions/D-1/contest').set(as.e1).send(contest).expect(201);
    await http.post('/deductions/D-1/hearing').set(as.panel1).send(hearing).expect(201);
    const trail = await http.get('/employees/E-1/audit-trail').set(as.auditor).set('X-Actor', 'forged').expect(200);
    const actors = trail.body.entries.map((e: { type: string; actor: string }) => [e.type, e.actor]);
    expect(actors).toEqual([
      ['EmployeeRegistered', 'admin'],
      ['DeductionApplied', 'supervisor-cs'],
      ['DeductionContested', 'E-1'],
      ['HearingRecorded', 'panel-1'],
    ]);
  });

  it('logs every read of an individual, granted or refused, for auditors only', async () => {
    // given reads refused (E-1 of E-2's record, a supervisor of cs of E-2's scores) and E-1's of their own
    for (const path of ['record', 'scores?from=2026-03&to=2026-03', 'audit-trail']) {
      await http.get(`/employees/E-2/${path}`).set(as.e1).expect(404);
      await http.get(`/employees/E-1/${path}`).set(as.e1).expect(200);
    }
    await http.get('/employees/E-2/scores').set(as.supervisor).expect(403);
    await http.get('/employees/E-1/scores').set(as.analyst).expect(200);
    const log = await http.get('/access-log?employeeId=E-2').set(as.auditor).expect(200);
    expect(log.body.entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ principalId: 'E-1', principalRoles: ['employee'], role: null, permission: 'records:replay', employeeId: 'E-2', outcome: 'refused', at: expect.any(String) }),
        expect.objectContaining({ principalId: 'supervisor-cs', permission: 'scores:read', outcome: 'refused' }),
      ]),
    );
    const byAnalyst = await http.get('/access-log?principalId=analyst-1').set(as.auditor).expect(200);
    expect(byAnalyst.body.entries).toEqual([expect.objectContaining({ role: 'analyst', permission: 'scores:read', employeeId: 'E-1', outcome: 'granted' })]);
    const own = await http.get('/access-log?employeeId=E-1&principalId=E-1').set(as.auditor).expect(200);
    expect(own.body.entries.map((e: { permission: string }) => e.permission).sort()).toEqual(['audit-trail:read', 'records:replay', 'scores:read']);
    await http.get('/access-log').set(as.analyst).expect(403);
  });
});
