import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { defaultRulebook } from '../../src/rulebook/default-rulebook';
import { bearer, ManualClock, startTestApp } from '../support/test-app';

/**
 * Bad input is refused with a 400/422 that names the field and the rule, and nothing is appended:
 * the store head (GET /health headPosition) does not move.
 */
describe('input hygiene', () => {
  const clock = new ManualClock(new Date('2026-11-30T04:00:00.000Z'));
  let app: INestApplication;
  let http: ReturnType<typeof request>;
  let admin: Record<string, string>;
  const head = async () => (await http.get('/health')).body.headPosition as number;

  const complaint = (overrides: Record<string, unknown> = {}) => ({
    complaintId: 'C-1',
    channel: 'hotline',
    complainant: { name: 'Zhang San' },
    subject: 'service attitude',
    description: 'The steward hung up on me.',
    severity: 'normal',
    receivedAt: '2026-11-09T10:00:00+08:00',
    concernsEmployeeIds: ['E-1'],
    ...overrides,
  });

  beforeAll(async () => {
    let tokenFor: Awaited<ReturnType<typeof startTestApp>>['tokenFor'];
    ({ app, tokenFor } = await startTestApp(clock));
    http = request(app.getHttpServer());
    admin = bearer(await tokenFor({ id: 'operator-1', roles: ['admin', 'clerk', 'supervisor', 'auditor'], departments: ['cs'] }));
    await http.post('/rulebook/versions').set(admin).send(defaultRulebook).expect((r) => expect([200, 201]).toContain(r.status));
    await http.post('/employees').set(admin).send({ employeeId: 'E-1', name: 'Li Ming', department: 'cs', position: 'property-steward' }).expect(201);
  });
  afterAll(() => app.close());

  /** Sends the request; expects the status, the code and the field named; and that nothing was appended. */
  async function refused(send: () => request.Test, status: number, code: string, field: string) {
    const before = await head();
    const response = await send();
    if (response.body.code !== code) console.log(JSON.stringify(response.body));
    expect({ status: response.status, code: response.body.code, body: JSON.stringify(response.body) }).toEqual({ status, code, body: expect.any(String) });
    expect(JSON.stringify(response.body)).toContain(field);
    expect(await head()).toBe(before);
    return response.body as { fields?: { field: string; rules: Record<string, string> }[] };
  }
  const fieldsOf = (body: { fields?: { field: string }[] }) => (body.fields ?? []).map((f) => f.field);

  it('refuses businessHours: [] in the working calendar (was a 500)', async () => {
    const body = await refused(
      () => http.put('/working-calendar').set(admin).send({ timeZone: 'Asia/Shanghai', workingWeekdays: [1, 2, 3, 4, 5], holidays: [], makeUpWorkingDays: [], businessHours: [] }),
      400, 'invalid_input', 'businessHours',
    );
    expect(fieldsOf(body)).toContain('businessHours');
  });

  it('refuses an array where the complainant object is expected (was a 201 with a null name)', async () => {
    const body = await refused(() => http.post('/complaints').set(admin).send(complaint({ complainant: [] })), 400, 'invalid_input', 'complainant');
    expect(fieldsOf(body)).toContain('complainant');
  });

  it('refuses a timestamp without a UTC offset', async () => {
    const body = await refused(() => http.post('/complaints').set(admin).send(complaint({ receivedAt: '2026-11-09 10:00' })), 400, 'invalid_input', 'receivedAt');
    expect(fieldsOf(body)).toContain('receivedAt');
    const dateOnly = await refused(() => http.post('/complaints').set(admin).send(complaint({ receivedAt: '2026-11-09' })), 400, 'invalid_input', 'receivedAt');
    expect(fieldsOf(dateOnly)).toContain('receivedAt');
  });

  it('puts a fact at 23:30 company time on the last day of a month in that month', async () => {
    const deduction = { deductionId: 'D-EOM', employeeId: 'E-1', ruleCode: 'PS-01', occurredAt: '2026-10-31T23:30:00+08:00', reason: 'hung up on a resident' };
    const applied = await http.post('/deductions').set(admin).send(deduction);
    if (applied.status !== 201) console.log(JSON.stringify(applied.body));
    expect([applied.status, JSON.stringify(applied.body)]).toEqual([201, expect.any(String)]);
    const october = await http.get(`/employees/E-1/scores?from=2026-10&to=2026-10&minPosition=${applied.body.position}`).set(admin).expect(200);
    const november = await http.get(`/employees/E-1/scores?from=2026-11&to=2026-11&minPosition=${applied.body.position}`).set(admin).expect(200);
    expect(JSON.stringify(october.body)).toContain('D-EOM');
    expect(JSON.stringify(november.body)).not.toContain('D-EOM');
  });

  it('refuses a complaint that names an unregistered employee', async () => {
    await refused(() => http.post('/complaints').set(admin).send(complaint({ complaintId: 'C-GHOST', concernsEmployeeIds: ['E-1', 'E-404'] })), 422, 'employee_not_registered', 'concernsEmployeeIds[1]');
  });

  it("refuses units beyond the rule's own limits instead of turning them into points", async () => {
    await http.post('/employees').set(admin).send({ employeeId: 'E-CM', name: 'Wang Fang', department: 'cs', position: 'customer-manager' }).expect(201);
    const margin = { employeeId: 'E-CM', ruleCode: 'CM-MARGIN', occurredAt: '2026-11-10T10:00:00+08:00', reason: 'margin below target' };
    // CM-MARGIN: 2 points a percentage point below a 10 % target; 150 points below it cannot be
    await refused(() => http.post('/deductions').set(admin).send({ ...margin, deductionId: 'D-M1', units: 150 }), 422, 'units_beyond_rule_limit', 'units');
    const within = await http.post('/deductions').set(admin).send({ ...margin, deductionId: 'D-M2', units: 3 }).expect(201);
    expect(within.body.appended).toBe(1);
  });

  it('keeps one survey result per employee, rule and period: a second one corrects the first', async () => {
    await http.post('/employees').set(admin).send({ employeeId: 'E-DD', name: 'Zhao Lei', department: 'cs', position: 'delivery-driver' }).expect(201);
    const survey = { employeeId: 'E-DD', period: '2026-H1', ruleCode: 'TS-SAT-DELIVERY', sampleSize: 40 };
    await http.post('/surveys').set(admin).send({ ...survey, surveyId: 'S-1', satisfactionRate: 90, surveyedAt: '2026-06-20T10:00:00+08:00' }).expect(201);
    await http.post('/surveys').set(admin).send({ ...survey, surveyId: 'S-2', satisfactionRate: 92, surveyedAt: '2026-06-25T10:00:00+08:00' }).expect(201);
    const last = await http.post('/surveys').set(admin).send({ ...survey, surveyId: 'S-3', satisfactionRate: 94, surveyedAt: '2026-06-28T10:00:00+08:00' }).expect(201);
    const periods = (await http.get(`/employees/E-DD/period-scores?minPosition=${last.body.position}`).set(admin).expect(200)).body.periods as { items: Record<string, { kind: string; points: number }> }[];
    const surveys = periods.flatMap((p) => Object.values(p.items)).filter((item) => item.kind === 'survey');
    // target 95, 2 points a percentage point: only the latest (94 %) counts, 2 points, not 10 + 6 + 2
    expect(surveys).toEqual([expect.objectContaining({ points: 2 })]);
  });

  it('refuses NUL and other control characters in every free-text field', async () => {
    const nul = await refused(() => http.post('/complaints').set(admin).send(complaint({ complainant: { name: 'Zhang\u0000San' } })), 400, 'invalid_input', 'complainant.name');
    expect(fieldsOf(nul)).toContain('complainant.name');
    const escape = await refused(
      () => http.post('/employees').set(admin).send({ employeeId: 'E-9', name: 'Li\u001b[31mMing', department: 'cs', position: 'property-steward' }),
      400, 'invalid_input', 'name',
    );
    expect(fieldsOf(escape)).toContain('name');
    const description = await refused(() => http.post('/complaints').set(admin).send(complaint({ description: 'bad\u0007bell' })), 400, 'invalid_input', 'description');
    expect(fieldsOf(description)).toContain('description');
  });

  it('gives malformed JSON a code', async () => {
    const body = await refused(
      () => http.post('/employees').set(admin).set('content-type', 'application/json').send('{"employeeId": "E-2",'),
      400, 'malformed_json', 'body',
    );
    expect(body).toMatchObject({ path: 'body' });
  });

  describe('periods (company time zone Asia/Shanghai; now is 2026-11-30 12:00 there)', () => {
    it('refuses to open a period that has not begun, or at an openedAt in the future', async () => {
      await refused(() => http.post('/periods').set(admin).send({ period: '9999', openedAt: '9999-12-31T00:00:00+08:00' }), 422, 'opened_in_future', 'openedAt');
      await refused(() => http.post('/periods').set(admin).send({ period: '2026-12', openedAt: '2026-11-30T09:00:00+08:00' }), 422, 'period_not_begun', 'openedAt');
    });

    it('closes a period only after it has ended: not two days into it, not at 1970-01-01', async () => {
      await http.post('/periods').set(admin).send({ period: '2026-11', openedAt: '2026-11-01T00:00:00+08:00' }).expect(201);
      await refused(() => http.post('/periods/2026-11/close').set(admin).send({ closedAt: '2026-11-02T09:00:00+08:00' }), 422, 'period_not_ended', 'closedAt');
      await refused(() => http.post('/periods/2026-11/close').set(admin).send({ closedAt: '1970-01-01T00:00:00Z' }), 422, 'period_not_ended', 'closedAt');
      await http.post('/periods').set(admin).send({ period: '2026-10', openedAt: '2026-10-01T00:00:00+08:00' }).expect(201);
      await http.post('/periods/2026-10/close').set(admin).send({ closedAt: '2026-11-01T00:00:00+08:00' }).expect(201);
    });
  });
});
