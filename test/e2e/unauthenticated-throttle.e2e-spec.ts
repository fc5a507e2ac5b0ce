import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { defaultRulebook } from '../../src/rulebook/default-rulebook';
import { bearer, ManualClock, startTestApp } from '../support/test-app';

/** Requests with a missing or bad token count against the client's address like any other. */
describe('rate limit for unauthenticated requests', () => {
  const clock = new ManualClock(new Date('2026-11-30T04:00:00.000Z'));
  let app: INestApplication;
  let http: ReturnType<typeof request>;
  let admin: Record<string, string>;
  const head = async () => (await http.get('/health')).body.headPosition as number;

  beforeAll(async () => {
    let tokenFor: Awaited<ReturnType<typeof startTestApp>>['tokenFor'];
    ({ app, tokenFor } = await startTestApp(clock, undefined, { RATE_LIMIT_PER_MINUTE: '20' }));
    http = request(app.getHttpServer());
    admin = bearer(await tokenFor({ id: 'operator-1', roles: ['admin', 'clerk', 'supervisor', 'auditor'], departments: ['cs'] }));
    await http.post('/rulebook/versions').set(admin).send(defaultRulebook).expect((r) => expect([200, 201]).toContain(r.status));
  });
  afterAll(() => app.close());

  it('answers 429 once a client has sent more bad or missing tokens than the limit, and appends nothing', async () => {
    const before = await head();
    const employee = { employeeId: 'E-1', name: 'Li Ming', department: 'cs', position: 'property-steward' };
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) {
      const attempt = i % 2 === 0 ? http.post('/employees').set(bearer(`al_guess-${i}`)) : http.post('/employees');
      statuses.push((await attempt.send(employee)).status);
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.at(-1)).toBe(429);
    const refused = await http.post('/employees').set(bearer('al_guess-again')).send(employee);
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 429, code: 'too_many_requests' });
    expect(await head()).toBe(before);
  });
});
