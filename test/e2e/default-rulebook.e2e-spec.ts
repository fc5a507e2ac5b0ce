import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { defaultRulebook } from '../../src/rulebook/default-rulebook';
import { ManualClock, operatorAgent, startTestApp } from '../support/test-app';

/** The seed 001 additions to the default rulebook, scored through the HTTP API. */
describe('the default rulebook from seed 001 over HTTP', () => {
  const clock = new ManualClock(new Date('2026-12-30T04:00:00.000Z'));
  let app: INestApplication;
  let http: ReturnType<typeof request.agent>;
  let position = 0;

  const post = async (url: string, body: object, status = 201) => {
    const res = await http.post(url).send(body);
    expect({ url, status: res.status, body: res.body }).toMatchObject({ status });
    if (res.body.position) position = Math.max(position, res.body.position);
    return res.body;
  };
  const periodScore = async (employeeId: string, period: string) => {
    const res = await http.get(`/employees/${employeeId}/period-scores?period=${period}&minPosition=${position}`).expect(200);
    return res.body.periods[0];
  };
  const register = (employeeId: string, department: string, pos: string) => post('/employees', { employeeId, name: employeeId, department, position: pos });
  const deduct = (deductionId: string, employeeId: string, ruleCode: string, occurredAt: string, extra: object = {}) =>
    post('/deductions', { deductionId, employeeId, ruleCode, occurredAt, reason: `${ruleCode} found`, ...extra });

  beforeAll(async () => {
    // the general body limit stays small; the rulebook route has its own
    const started = await startTestApp(clock, undefined, { MAX_BODY_BYTES: '4096' });
    app = started.app;
    http = await operatorAgent(app, started.tokenFor, ['workshop', 'sales-south', 'site-office']);
  });
  afterAll(() => app.close());

  it('publishes the whole default (over 100 KB) while other routes keep the general limit', async () => {
    expect(Buffer.byteLength(JSON.stringify(defaultRulebook))).toBeGreaterThan(100 * 1024);
    await post('/rulebook/versions', defaultRulebook);
    const big = await http.post('/employees').send({ employeeId: 'E-BIG', name: 'x'.repeat(5000), department: 'workshop', position: 'workshop-director' });
    expect(big.status).toBe(413);
  });

  it('a workshop director in 2026-03: two late reports (001:1225) and a missed talk (001:1239) -6, an improvement +5 (001:1253) → 99', async () => {
    await register('E-WD', 'workshop', 'workshop-director');
    await deduct('WD-1', 'E-WD', 'WD-REPORT', '2026-03-03T10:00:00+08:00');
    await deduct('WD-2', 'E-WD', 'WD-REPORT', '2026-03-09T10:00:00+08:00');
    await deduct('WD-3', 'E-WD', 'WD-TALK', '2026-03-12T10:00:00+08:00');
    await post('/bonuses', { bonusId: 'WD-B1', employeeId: 'E-WD', ruleCode: 'WD-ACHIEVEMENT', points: 5, occurredAt: '2026-03-20T10:00:00+08:00', reason: 'retooled a press' });
    expect(await periodScore('E-WD', '2026-03')).toMatchObject({ total: 99, maxTotal: 100, grade: 'excellent' });
  });

  it('a salesman-driver in 2026-04: collection 6 points under plan at 0.5 each (001:1647) and a valid complaint (001:1661) → 95', async () => {
    await register('E-SD', 'sales-south', 'salesman-driver');
    await deduct('SD-1', 'E-SD', 'SD-COLLECTION', '2026-04-30T10:00:00+08:00', { units: 6 });
    await deduct('SD-2', 'E-SD', 'SD-COMPLAINT', '2026-04-15T10:00:00+08:00');
    expect(await periodScore('E-SD', '2026-04')).toMatchObject({ total: 95, grade: 'excellent' });
  });

  it('the property site team in 2026: a late arrival costs its item (001:1947), a major safety accident vetoes the year (001:2027)', async () => {
    await register('E-PSI', 'site-office', 'property-site-team');
    await deduct('PSI-1', 'E-PSI', 'PSI-ARRIVAL', '2026-05-06T10:00:00+08:00', { points: 3 });
    const before = await periodScore('E-PSI', '2026');
    expect(before).toMatchObject({ total: 97, maxTotal: 100, veto: false });
    expect(before.parts.find((p: { code: string }) => p.code === 'maintenance').points).toBe(27);
    await deduct('PSI-2', 'E-PSI', 'PSI-VETO', '2026-09-01T10:00:00+08:00');
    expect(await periodScore('E-PSI', '2026')).toMatchObject({ veto: true });
  });
});
