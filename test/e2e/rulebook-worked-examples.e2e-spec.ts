import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { defaultRulebook } from '../../src/rulebook/default-rulebook';
import { ManualClock, operatorAgent, startTestApp } from '../support/test-app';

/** The worked examples, through the HTTP API on the shipped default rulebook. */
describe('worked examples on the default rulebook', () => {
  const clock = new ManualClock(new Date('2026-06-29T04:00:00.000Z'));
  let app: INestApplication;
  let http: ReturnType<typeof request.agent>;
  let position = 0;

  const post = async (url: string, body: object, status = 201, actor = 'supervisor-1') => {
    const res = await http.post(url).send(body);
    expect({ url, status: res.status, body: res.body }).toMatchObject({ status });
    if (res.body.position) position = Math.max(position, res.body.position);
    return res.body;
  };
  const periodScore = async (employeeId: string, period: string) => {
    const res = await http.get(`/employees/${employeeId}/period-scores?period=${period}&minPosition=${position}`).expect(200);
    return res.body.periods[0];
  };
  const register = (employeeId: string, department: string, pos: string) => post('/employees', { employeeId, name: employeeId, department, position: pos }, 201, 'admin-1');
  const deduct = (deductionId: string, employeeId: string, ruleCode: string, occurredAt: string, extra: object = {}) =>
    post('/deductions', { deductionId, employeeId, ruleCode, occurredAt, reason: `${ruleCode} found`, ...extra });

  beforeAll(async () => {
    const started = await startTestApp(clock);
    app = started.app;
    http = await operatorAgent(app, started.tokenFor, ['delivery-west', 'pump-station', 'steward-office']);
    await post('/rulebook/versions', defaultRulebook, 201, 'admin-1');
    await register('E-PS', 'steward-office', 'property-steward');
    await register('E-DD1', 'delivery-west', 'delivery-driver');
    await register('E-DD2', 'delivery-west', 'delivery-driver');
    await register('E-OP', 'pump-station', 'operations-worker');
  });
  afterAll(() => app.close());

  it('a property steward: late report -2, serious unregistered repair -5, two untidy desks -1 each, a special service +5 → 96, excellent', async () => {
    await deduct('PS-D1', 'E-PS', 'PS-01', '2026-03-03T10:00:00+08:00');
    await deduct('PS-D2', 'E-PS', 'PS-04', '2026-03-05T10:00:00+08:00', { serious: true });
    await deduct('PS-D3', 'E-PS', 'PS-14', '2026-03-10T10:00:00+08:00');
    await deduct('PS-D4', 'E-PS', 'PS-14', '2026-03-20T10:00:00+08:00');
    await post('/bonuses', { bonusId: 'PS-B1', employeeId: 'E-PS', ruleCode: 'PS-03', occurredAt: '2026-03-25T10:00:00+08:00', reason: 'sold a cleaning package' });
    const score = await periodScore('E-PS', '2026-03');
    expect(score).toMatchObject({ total: 96, maxTotal: 100, normalised: 96, grade: 'excellent', veto: false });
    expect(score.items.find((i: { id: string }) => i.id === 'deduction:PS-D2')).toMatchObject({ points: 5, ruleCode: 'PS-04' });
  });

  it('a delivery driver in 2026-H1: three valid complaints, satisfaction 92 % of 95 %, on time 97 % of 100 % → 92 of 110 = 83.6, good', async () => {
    for (const [i, month] of ['02', '03', '05'].entries()) await deduct(`DD1-C${i}`, 'E-DD1', 'TS-COMPLAINT', `2026-${month}-10T10:00:00+08:00`);
    await post('/surveys', { surveyId: 'S-DD1', employeeId: 'E-DD1', period: '2026-H1', ruleCode: 'TS-SAT-DELIVERY', satisfactionRate: 92, sampleSize: 40, surveyedAt: '2026-06-28T10:00:00+08:00' });
    await deduct('DD1-OT', 'E-DD1', 'DD-ONTIME', '2026-06-28T10:00:00+08:00', { units: 3 });
    const score = await periodScore('E-DD1', '2026-H1');
    expect(score.parts.map((p: { code: string; points: number }) => [p.code, p.points])).toEqual([['standard', 20], ['improvement', 34], ['complaints', 14], ['satisfaction', 24]]);
    expect(score).toMatchObject({ total: 92, maxTotal: 110, normalised: 83.6, grade: 'good' });
  });

  it('with eleven valid complaints the complaints part stops at 0 (扣完为止)', async () => {
    for (let i = 0; i < 11; i++) await deduct(`DD2-C${i}`, 'E-DD2', 'TS-COMPLAINT', `2026-04-${String(i + 1).padStart(2, '0')}T10:00:00+08:00`);
    const score = await periodScore('E-DD2', '2026-H1');
    expect(score.parts.find((p: { code: string }) => p.code === 'complaints').points).toBe(0);
    expect(score.total).toBe(90);
  });

  it('an operations worker rated performance 90 %, skill 78 %, conduct 95 % → 88.6, good but not excellent (skill under 80 %)', async () => {
    const ratings = { performance: { quantity: 100, quality: 80, workload: 90 }, skill: { proficiency: 75, grade: 80, 'problem-solving': 80 }, conduct: { attitude: 95, safety: 95, discipline: 95 } };
    await post('/ratings', { ratingId: 'R-OP-Q1', employeeId: 'E-OP', period: '2026-Q1', ratings, ratedAt: '2026-03-31T10:00:00+08:00' }, 201, 'panel-1');
    const score = await periodScore('E-OP', '2026-Q1');
    expect(score.parts.map((p: { percent: number }) => p.percent)).toEqual([90, 78, 95]);
    expect(score).toMatchObject({ normalised: 88.6, grade: 'good' });
  });

  it('refuses what the rule in force does not allow, with a clear 422 code', async () => {
    const code = async (body: object) => (await http.post('/deductions').send({ deductionId: 'BAD', employeeId: 'E-DD1', occurredAt: '2026-03-01T10:00:00+08:00', reason: 'x', ...body }).expect(422)).body.code;
    expect(await code({ ruleCode: 'PS-01' })).toBe('rule_not_for_position');
    expect(await code({ ruleCode: 'NOPE' })).toBe('rule_unknown');
    expect(await code({ ruleCode: 'DD-ONTIME' })).toBe('units_required');
    expect(await code({ ruleCode: 'TS-COMPLAINT', points: 3 })).toBe('points_do_not_match_rule');
    expect(await code({ ruleCode: 'TS-COMPLAINT', serious: true })).toBe('rule_has_no_serious_variant');
    expect(await code({ ruleCode: 'TS-COMPLAINT', occurredAt: '2025-12-31T10:00:00+08:00' })).toBe('no_rulebook_in_force');
    const ratings = await http.post('/ratings').send({ ratingId: 'R-BAD', employeeId: 'E-OP', period: '2026-Q1', ratings: { performance: { quantity: 90 } }, ratedAt: '2026-03-31T10:00:00+08:00' }).expect(422);
    expect(ratings.body.code).toBe('rating_missing');
  });
});
