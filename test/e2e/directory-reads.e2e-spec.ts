import type { INestApplication } from '@nestjs/common';
import { defaultRulebook } from '../../src/rulebook/default-rulebook';
import { settle } from '../support/settle';
import { ManualClock, agentWith, operatorAgent, startTestApp } from '../support/test-app';
import type { Http } from '../service-levels/service-levels.fixture';

/**
 * The reads every client needs, with the shipped default rulebook and the sagas running: the staff
 * directory, the rulebook versions and the one in force, the periods with their state, and the
 * talks supervisors owe, each under the permission matrix.
 */
describe('the reads every client needs', () => {
  const clock = new ManualClock(new Date('2026-03-10T01:00:00.000Z'));
  let app: INestApplication;
  let http: Http;
  let tokenFor: Awaited<ReturnType<typeof startTestApp>>['tokenFor'];
  const ok = async (url: string, body: object) => {
    const res = await http.post(url).send(body);
    if (res.status !== 201) throw new Error(`${url} answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const register = (employeeId: string, name: string, department: string, position: string, supervisorId?: string) =>
    ok('/employees', { employeeId, name, department, position, ...(supervisorId ? { supervisorId } : {}) });
  const as = async (principal: Parameters<typeof tokenFor>[0]) => agentWith(app, await tokenFor(principal));

  beforeAll(async () => {
    ({ app, tokenFor } = await startTestApp(clock));
    http = await operatorAgent(app, tokenFor, ['workshop', 'technical']);
    await ok('/rulebook/versions', defaultRulebook);
    await register('WD-1', 'Zhao Lei', 'workshop', 'workshop-director');
    await register('W-1', 'Sun Li', 'workshop', 'assistant-technologist', 'WD-1');
    await register('W-2', 'Chen Bo', 'workshop', 'assistant-technologist', 'WD-1');
    await register('AT-1', 'Wu Fang', 'technical', 'assistant-technologist');
    await ok('/deductions', { deductionId: 'D-W1', employeeId: 'W-1', ruleCode: 'AT-ARRIVAL', occurredAt: '2026-03-09T09:30:00+08:00', reason: 'late to line 3' });
    await ok('/periods', { period: '2026-03', openedAt: '2026-03-10T09:00:00+08:00' });
    await settle(app);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('lists employees by department and name, filtered and paged', async () => {
    const all = (await http.get('/employees').expect(200)).body;
    expect(all).toMatchObject({ total: 4, limit: 100, offset: 0 });
    expect(all.items.map((e: { employeeId: string }) => e.employeeId)).toEqual(['AT-1', 'W-2', 'W-1', 'WD-1']);
    expect(all.items[1]).toEqual({ employeeId: 'W-2', name: 'Chen Bo', department: 'workshop', position: 'assistant-technologist', supervisorId: 'WD-1', registeredAt: '2026-03-10T01:00:00.000Z' });
    const page = (await http.get('/employees?department=workshop&position=assistant-technologist&limit=1&offset=1').expect(200)).body;
    expect(page).toMatchObject({ total: 2, items: [{ employeeId: 'W-1' }] });
    expect((await http.get('/employees?supervisorId=WD-1').expect(200)).body.total).toBe(2);
    expect((await http.get('/employees?limit=0').expect(400)).body.fields).toEqual([expect.objectContaining({ field: 'limit' })]);
  });

  it('shows one employee to whoever may read them: a supervisor their departments, an employee only themself', async () => {
    expect((await http.get('/employees/W-1').expect(200)).body).toMatchObject({ employeeId: 'W-1', supervisorId: 'WD-1' });
    await http.get('/employees/NOBODY').expect(404);
    const supervisor = await as({ id: 'sup-ws', roles: ['supervisor'], departments: ['workshop'] });
    await supervisor.get('/employees/W-1').expect(200);
    await supervisor.get('/employees/AT-1').expect(403);
    await supervisor.get('/employees?department=technical').expect(403);
    expect((await supervisor.get('/employees?department=workshop').expect(200)).body.total).toBe(3);
    const employee = await as({ id: 'W-1', roles: ['employee'], employeeId: 'W-1' });
    await employee.get('/employees/W-1').expect(200);
    await employee.get('/employees/W-2').expect(404);
    await employee.get('/employees').expect(403);
  });

  it('lists the rulebook versions with the one in force, and gives a version whole, to every role', async () => {
    const employee = await as({ id: 'W-2', roles: ['employee'], employeeId: 'W-2' });
    const list = (await employee.get('/rulebook/versions').expect(200)).body;
    expect(list).toMatchObject({ inForce: defaultRulebook.version, versions: [{ version: defaultRulebook.version, title: defaultRulebook.title, inForce: true }] });
    expect(list.versions[0].positions).toEqual(expect.arrayContaining(['workshop-director', 'assistant-technologist']));
    expect((await employee.get(`/rulebook/versions/${defaultRulebook.version}`).expect(200)).body.rules.length).toBe(defaultRulebook.rules.length);
    expect((await employee.get('/rulebook/in-force').expect(200)).body.version).toBe(defaultRulebook.version);
    await employee.get('/rulebook/versions/99').expect(404);
    expect((await employee.get('/rulebook/versions/one').expect(400)).body.code).toBe('invalid_input');
    await employee.get('/rulebook/in-force?at=1999-01-01T00:00:00Z').expect(404);
    expect((await employee.get('/rulebook/in-force?at=yesterday').expect(400)).body.fields).toEqual([expect.objectContaining({ field: 'at' })]);
  });

  it('lists the periods with their state and bounds in the company time zone', async () => {
    const periods = (await http.get('/periods').expect(200)).body.periods;
    expect(periods).toEqual([
      { period: '2026-03', state: 'open', start: '2026-02-28T16:00:00.000Z', end: '2026-03-31T16:00:00.000Z', openedAt: '2026-03-10T01:00:00.000Z', closedAt: null, sealedScores: null, unratedEmployees: null, checkpoint: null },
    ]);
    const employee = await as({ id: 'W-2', roles: ['employee'], employeeId: 'W-2' });
    await employee.get('/periods').expect(403);
  });

  it('shows a registered employee with no fact full marks in the open period, beside one with a deduction', async () => {
    const untouched = (await http.get('/employees/W-2/period-scores').expect(200)).body;
    expect(untouched.periods).toEqual([expect.objectContaining({ employeeId: 'W-2', period: '2026-03', normalised: 100, openAppeals: 0, items: [], sealed: null })]);
    const deducted = (await http.get('/employees/W-1/period-scores').expect(200)).body;
    expect(deducted.periods).toEqual([expect.objectContaining({ employeeId: 'W-1', period: '2026-03', items: [expect.objectContaining({ id: 'deduction:D-W1' })] })]);
    expect(deducted.periods[0].normalised).toBeLessThan(100);
    expect((await http.get('/employees/NOBODY/period-scores').expect(200)).body.periods).toEqual([]);
  });

  it('lists the talk a penalty opened, owed by the supervisor, and what became of it', async () => {
    const talks = (await http.get('/talk-obligations?department=workshop').expect(200)).body;
    expect(talks).toMatchObject({ total: 1, items: [{ obligationId: 'D-W1', employeeId: 'W-1', supervisorId: 'WD-1', department: 'workshop', status: 'pending', breached: false }] });
    const supervisor = await as({ id: 'sup-tech', roles: ['supervisor'], departments: ['technical'] });
    await supervisor.get('/talk-obligations?department=workshop').expect(403);
    expect((await supervisor.get('/talk-obligations?department=technical').expect(200)).body.total).toBe(0);
    clock.set('2026-03-10T02:00:00.000Z');
    await http.post('/talk-obligations/D-W1/talk').send({ heldAt: '2026-03-10T09:30:00+08:00', notes: 'talked it through' }).expect(201);
    await settle(app);
    expect((await http.get('/talk-obligations?status=held').expect(200)).body.items).toEqual([expect.objectContaining({ obligationId: 'D-W1', status: 'held', heldAt: '2026-03-10T01:30:00.000Z' })]);
    expect((await http.get('/talk-obligations?status=pending').expect(200)).body.total).toBe(0);
  });
});
