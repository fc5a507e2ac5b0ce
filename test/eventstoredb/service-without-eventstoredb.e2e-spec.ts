import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { EsdbDouble } from '../doubles/esdb/esdb-double.server';
import { bearer, ManualClock, startTestApp } from '../support/test-app';

/**
 * The service configured for EventStoreDB while the server does not answer: it starts, reports
 * itself unhealthy, and recovers by itself once the server is up, without a restart.
 */
describe('the service when EventStoreDB is unreachable at start', () => {
  let double: EsdbDouble;
  let app: INestApplication;

  beforeAll(async () => {
    double = await EsdbDouble.start();
    await double.stop();
  });
  afterAll(async () => {
    await app?.close();
    await double?.stop();
  });

  it('starts, reports unhealthy, and serves commands and read models once the server answers', async () => {
    let adminToken: string;
    let tokenFor: Awaited<ReturnType<typeof startTestApp>>['tokenFor'];
    ({ app, adminToken, tokenFor } = await startTestApp(new ManualClock(new Date('2026-03-31T04:00:00.000Z')), undefined, {
      EVENTSTOREDB_CONNECTION_STRING: double.connectionString,
    }));
    const auditor = bearer(await tokenFor({ id: 'auditor-1', roles: ['auditor'] }));
    const http = request(app.getHttpServer());

    const down = await http.get('/health').expect(503);
    expect(down.body.status).toBe('failing');

    await double.start();
    await eventually(async () => (await http.get('/health')).status === 200, 15000);

    const registered = await http.post('/employees').set(bearer(adminToken)).send({ employeeId: 'E-1', name: 'Li Ming', department: 'cs', position: 'steward' }).expect(201);
    const trail = await http.get(`/employees/E-1/audit-trail?minPosition=${registered.body.position}`).set(auditor);
    expect(trail.status).toBe(200);
    expect(trail.body.entries.map((e: { type: string }) => e.type)).toEqual(['EmployeeRegistered']);
  }, 30000);
});

/** Polls the condition (every 20 ms) until it holds. */
async function eventually(condition: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`condition not met within ${timeoutMs} ms`);
}
