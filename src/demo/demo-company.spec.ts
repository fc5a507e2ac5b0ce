import { demoEmployees, demoMonths, demoOpenWork, demoPanel, demoPlan } from './demo-company';

const tz = 'Asia/Shanghai';
const instantsOf = (body: object) => Object.entries(body).filter(([key]) => key.endsWith('At')).map(([, value]) => value as string);

describe('the demo company', () => {
  it('fills the twelve months before the current one, from the first the rulebook is in force', () => {
    expect(demoMonths('2026-12-04T01:00:00.000Z', '2026-01-01T00:00:00+08:00', tz)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
    expect(demoMonths('2027-03-01T00:00:00.000Z', '2026-01-01T00:00:00+08:00', tz)).toEqual(['2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12', '2027-01', '2027-02']);
    expect(demoMonths('2026-01-10T00:00:00.000Z', '2026-01-01T00:00:00+08:00', tz)).toEqual([]);
  });

  it('is the same plan for the same months, registers everyone first, and opens each month before its facts and closes it after them', () => {
    const months = ['2026-03', '2026-04'];
    const plan = demoPlan(months, tz);
    expect(demoPlan(months, tz)).toEqual(plan);
    expect(plan.slice(0, demoEmployees.length).every((r) => r.path === '/employees')).toBe(true);
    const opened = plan.findIndex((r) => r.path === '/periods' && (r.body as { period: string }).period === '2026-03');
    const closed = plan.findIndex((r) => r.path === '/periods/2026-03/close');
    expect(opened).toBeGreaterThan(0);
    for (const request of plan.slice(opened + 1, closed)) for (const instant of instantsOf(request.body)) expect(instant >= '2026-02-28T16:00:00.000Z' && instant < '2026-03-31T16:00:00.000Z').toBe(true);
    expect(plan.filter((r) => r.path.endsWith('/hearing')).length).toBeGreaterThan(0);
  });

  it('never has a contesting employee hear their own case, and every employee named is in the company', () => {
    const ids = new Set(demoEmployees.map((e) => e.employeeId));
    const plan = demoPlan(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'], tz);
    for (const request of plan.filter((r) => r.sender.as === 'employee')) expect(demoPanel.panel).not.toContain((request.sender as { employeeId: string }).employeeId);
    for (const request of plan) for (const id of [(request.body as { employeeId?: string }).employeeId, (request.body as { assigneeId?: string }).assigneeId]) if (id) expect(ids.has(id)).toBe(true);
    for (const e of demoEmployees) if (e.supervisorId) expect(ids.has(e.supervisorId)).toBe(true);
  });

  it('leaves work open in the current month, dated before now and not before the month began', () => {
    const now = '2026-12-04T01:00:00.000Z';
    const open = demoOpenWork(now, tz);
    expect(open[0]).toMatchObject({ path: '/periods', body: { period: '2026-12' } });
    for (const request of open) for (const instant of instantsOf(request.body)) expect(instant > '2026-11-30T16:00:00.000Z' && instant <= now).toBe(true);
  });
});
