import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { bearer, ManualClock, startTestApp } from '../support/test-app';

describe('hardening over HTTP', () => {
  const clock = new ManualClock(new Date('2026-03-31T04:00:00.000Z'));
  let app: INestApplication;
  let http: ReturnType<typeof request>;
  let admin: Record<string, string>;
  let auditor: Record<string, string>;
  let analyst: Record<string, string>;
  let clerk: Record<string, string>;
  let tokenFor: Awaited<ReturnType<typeof startTestApp>>['tokenFor'];
  const head = async () => (await http.get('/health').expect(200)).body.headPosition as number;

  beforeAll(async () => {
    let adminToken: string;
    ({ app, tokenFor, adminToken } = await startTestApp(clock, undefined, { MAX_BODY_BYTES: '4096', RATE_LIMIT_PER_MINUTE: '40' }));
    http = request(app.getHttpServer());
    admin = bearer(adminToken);
    auditor = bearer(await tokenFor({ id: 'auditor-1', roles: ['auditor'] }));
    analyst = bearer(await tokenFor({ id: 'analyst-1', roles: ['analyst'] }));
    clerk = bearer(await tokenFor({ id: 'clerk-1', roles: ['clerk'] }));
  });
  afterAll(() => app.close());

  it('answers 413 to a body over the limit, and appends nothing', async () => {
    const before = await head();
    const res = await http.post('/employees').set(admin).send({ employeeId: 'E-1', name: 'x'.repeat(5000), department: 'cs', position: 'steward' });
    expect(res.status).toBe(413);
    expect(await head()).toBe(before);
  });

  it('sets security headers', async () => {
    const res = await http.get('/health').expect(200);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['strict-transport-security']).toBeDefined();
    expect(res.headers['content-security-policy']).toBeDefined();
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('rejects __proto__, constructor and prototype keys at any depth with a 400 naming the field', async () => {
    const before = await head();
    const proto = await http.post('/employees').set(admin).set('content-type', 'application/json')
      .send('{"employeeId":"E-1","name":"a","department":"cs","position":"p","__proto__":{"polluted":true}}').expect(400);
    expect(proto.body.fields).toEqual([{ field: 'body.__proto__', rules: { forbiddenKey: expect.any(String) } }]);
    const nested = await http.post('/complaints').set(clerk).set('content-type', 'application/json')
      .send('{"complaintId":"C-1","complainant":{"name":"a","constructor":{"prototype":{"polluted":true}}}}').expect(400);
    expect(nested.body.fields).toEqual([{ field: 'body.complainant.constructor', rules: { forbiddenKey: expect.any(String) } }]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await head()).toBe(before);
  });

  it('answers 400, not 500, to a number written in exponent form where decimal places are limited', async () => {
    const deduction = { deductionId: 'D-1', employeeId: 'E-1', ruleCode: 'R', points: 3e-323, occurredAt: '2026-03-09T10:00:00+08:00', reason: 'x' };
    const supervisor = bearer(await tokenFor({ id: 'supervisor-1', roles: ['supervisor'], departments: ['cs'] }));
    const refused = await http.post('/deductions').set(supervisor).send(deduction).expect(400);
    expect(refused.body.fields).toEqual([{ field: 'points', rules: expect.objectContaining({ maxDecimalPlaces: expect.any(String) }) }]);
  });

  it('answers 400 to malformed JSON', async () => {
    await http.post('/employees').set(admin).set('content-type', 'application/json').send('{"employeeId": ').expect(400);
  });

  it('refuses database operators and unknown parameters in query strings, and caps page sizes', async () => {
    for (const url of ['/overdue?department[$ne]=x', '/overdue?department=$ne', '/access-log?employeeId[$gt]=', '/scores?month=2026-03&department[$where]=1', '/access-log?limit=1001', '/scores?month=2026-03&limit=5000']) {
      const res = await http.get(url).set(url.startsWith('/access-log') ? auditor : analyst);
      expect([url, res.status]).toEqual([url, 400]);
    }
  });

  it('limits requests per principal (429), without slowing other principals', async () => {
    let status = 200;
    for (let i = 0; i < 45 && status !== 429; i++) status = (await http.get('/overdue').set(analyst)).status;
    expect(status).toBe(429);
    await http.get('/overdue').set(auditor).expect(200);
  });
});
