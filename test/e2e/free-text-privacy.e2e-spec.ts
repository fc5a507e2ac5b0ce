import type { INestApplication } from '@nestjs/common';
import * as fs from 'node:fs';
import * as path from 'node:path';
import request from 'supertest';
import { defaultRulebook } from '../../src/rulebook/default-rulebook';
import { bearer, ManualClock, startTestApp } from '../support/test-app';

const DESCRIPTION = 'The steward at flat 602 shouted at my mother';
const LOCATION = 'Building 7, unit 4, stairwell';
const SIGNED_OFF_BY = 'Qian Wu (owner, flat 602)';
const SECRETS = [DESCRIPTION, LOCATION, SIGNED_OFF_BY];

/** Every byte the embedded stores keep in files whose name starts with `prefix` (main file, WAL, journal). */
function storedBytes(dataDir: string, prefix: string): Buffer {
  const files = fs.readdirSync(dataDir).filter((f) => f.startsWith(prefix));
  expect(files.length).toBeGreaterThan(0);
  return Buffer.concat(files.map((f) => fs.readFileSync(path.join(dataDir, f))));
}

/**
 * A complaint's description and location and a ticket's sign-off name the customer: they are
 * sealed under the complainant's subject key like the name, phone and address, shown only to those
 * who may see complainants, and `[erased]` everywhere once the subject is erased.
 */
describe('free text that names a customer', () => {
  const clock = new ManualClock(new Date('2026-03-31T04:00:00.000Z'));
  let app: INestApplication;
  let http: ReturnType<typeof request>;
  let dataDir: string;
  const as = {} as Record<'admin' | 'clerk' | 'auditor' | 'analyst', Record<string, string>>;
  let last = 0;

  beforeAll(async () => {
    let tokenFor: Awaited<ReturnType<typeof startTestApp>>['tokenFor'];
    let adminToken: string;
    ({ app, tokenFor, adminToken, dataDir } = await startTestApp(clock));
    http = request(app.getHttpServer());
    as.admin = bearer(adminToken);
    as.clerk = bearer(await tokenFor({ id: 'clerk-1', roles: ['clerk'] }));
    as.auditor = bearer(await tokenFor({ id: 'auditor-1', roles: ['auditor'] }));
    as.analyst = bearer(await tokenFor({ id: 'analyst-1', roles: ['analyst'] }));
    const operator = bearer(await tokenFor({ id: 'operator-1', roles: ['admin', 'clerk', 'supervisor', 'auditor'], departments: ['cs'] }));
    const post = async (url: string, body: object) => {
      const res = await http.post(url).set(operator).send(body);
      expect({ url, status: res.status, body: res.body }).toMatchObject({ status: 201 });
      last = Math.max(last, res.body.position ?? 0);
    };
    await http.post('/rulebook/versions').set(operator).send(defaultRulebook).expect((r) => expect([200, 201]).toContain(r.status));
    await post('/employees', { employeeId: 'E-1', name: 'Li Ming', department: 'cs', position: 'property-steward' });
    await post('/complaints', {
      complaintId: 'C-1', channel: 'hotline', complainant: { subjectId: 'R-7-4-602', name: 'Qian Wu' }, location: LOCATION, subject: 'service attitude',
      description: DESCRIPTION, severity: 'normal', receivedAt: '2026-03-09T10:00:00+08:00', concernsEmployeeIds: ['E-1'],
    });
    await post('/tickets', { ticketId: 'T-1', kind: 'complaint', assigneeId: 'E-1', description: 'Apologise to the owner', complaintId: 'C-1', dispatchedAt: '2026-03-09T11:00:00+08:00', resolveBy: '2026-03-12T18:00:00+08:00' });
    await post('/tickets/T-1/resolution', { resolvedAt: '2026-03-10T15:00:00+08:00', resolution: 'Apologised in person' });
    await post('/tickets/T-1/closure', { closedAt: '2026-03-10T16:00:00+08:00', signedOffBy: SIGNED_OFF_BY });
  });
  afterAll(() => app.close());

  it('stores no plaintext of the description, the location or the sign-off in any store file', () => {
    // positive control: the scan sees plain text the service does store (the steward's name)
    expect(storedBytes(dataDir, 'events.sqlite').includes(Buffer.from('Li Ming'))).toBe(true);
    for (const prefix of ['events.sqlite', 'read-models.sqlite']) {
      const bytes = storedBytes(dataDir, prefix);
      for (const text of SECRETS) expect([prefix, text, bytes.includes(Buffer.from(text, 'utf8'))]).toEqual([prefix, text, false]);
    }
  });

  it('shows them to a clerk and an auditor, never to an analyst', async () => {
    const forClerk = (await http.get('/complaints/C-1').set(as.clerk).expect(200)).body;
    expect(forClerk).toMatchObject({ description: DESCRIPTION, location: LOCATION });
    const record = await http.get(`/employees/E-1/record`).set(as.auditor).expect(200);
    for (const text of SECRETS) expect(JSON.stringify(record.body)).toContain(text);
    const forAnalyst = (await http.get('/complaints/C-1').set(as.analyst).expect(200)).body;
    expect(forAnalyst).toMatchObject({ description: '[withheld]', location: '[withheld]' });
    const trail = await http.get(`/employees/E-1/audit-trail?minPosition=${last}`).set(as.auditor).expect(200);
    expect(trail.body.entries.length).toBeGreaterThan(2);
    for (const text of SECRETS) expect(JSON.stringify(trail.body)).not.toContain(text);
  });

  it('shows [erased] in every view once the complainant is erased', async () => {
    await http.post('/complainants/R-7-4-602/erasure').set(as.admin).send({ reason: 'the complainant asked (request R-18)' }).expect(201);
    const complaint = (await http.get('/complaints/C-1').set(as.clerk).expect(200)).body;
    expect(complaint).toMatchObject({ description: '[erased]', location: '[erased]', complainant: '[erased]' });
    const record = (await http.get('/employees/E-1/record').set(as.auditor).expect(200)).body as { events: { type: string; data: Record<string, unknown> }[] };
    const closed = record.events.find((e) => e.type === 'TicketClosed');
    expect(closed?.data.signedOffBy).toBe('[erased]');
    const received = record.events.find((e) => e.type === 'ComplaintReceived');
    expect(received?.data).toMatchObject({ description: '[erased]', location: '[erased]' });
    const trail = await http.get(`/employees/E-1/audit-trail?minPosition=${last}`).set(as.auditor).expect(200);
    for (const body of [complaint, record, trail.body]) for (const text of SECRETS) expect(JSON.stringify(body)).not.toContain(text);
  });
});
