import type { INestApplication } from '@nestjs/common';
import * as fs from 'node:fs';
import * as path from 'node:path';
import request from 'supertest';
import { SUBJECT_KEY_STORE } from '../../src/complaints/privacy/subject-key-store.port';
import type { SubjectKeyStore } from '../../src/complaints/privacy/subject-key-store.port';
import { bearer, ManualClock, startTestApp } from '../support/test-app';

const PHONE = '+86 138 0013 8000';
const NAME = 'Zhang San';
const ADDRESS = 'Building 3, unit 2, flat 501';

/** Every byte the embedded stores keep in files whose name starts with `prefix` (main file, WAL, journal). */
function storedBytes(dataDir: string, prefix: string): Buffer {
  const files = fs.readdirSync(dataDir).filter((f) => f.startsWith(prefix));
  expect(files.length).toBeGreaterThan(0);
  return Buffer.concat(files.map((f) => fs.readFileSync(path.join(dataDir, f))));
}

/**
 * A complaint with a phone number: the stored events never hold it in plain text, an analyst never
 * sees it, erasure replaces it everywhere with a marker, and the scores stay the same.
 */
describe("complainants' personal data", () => {
  const clock = new ManualClock(new Date('2026-03-31T04:00:00.000Z'));
  let app: INestApplication;
  let http: ReturnType<typeof request>;
  let dataDir: string;
  const as = {} as Record<'admin' | 'clerk' | 'auditor' | 'analyst' | 'supervisor', Record<string, string>>;
  let scoresBefore: unknown;

  beforeAll(async () => {
    let tokenFor: Awaited<ReturnType<typeof startTestApp>>['tokenFor'];
    let adminToken: string;
    ({ app, tokenFor, adminToken, dataDir } = await startTestApp(clock));
    http = request(app.getHttpServer());
    as.admin = bearer(adminToken);
    as.clerk = bearer(await tokenFor({ id: 'clerk-1', roles: ['clerk'] }));
    as.auditor = bearer(await tokenFor({ id: 'auditor-1', roles: ['auditor'] }));
    as.analyst = bearer(await tokenFor({ id: 'analyst-1', roles: ['analyst'] }));
    as.supervisor = bearer(await tokenFor({ id: 'supervisor-1', roles: ['supervisor'], departments: ['cs'] }));
    await http.post('/employees').set(as.admin).send({ employeeId: 'E-1', name: 'Li Ming', department: 'cs', position: 'property-steward' }).expect(201);
    const complaint = {
      complaintId: 'C-1',
      channel: 'hotline',
      complainant: { name: NAME, phone: PHONE, address: ADDRESS },
      subject: 'service attitude',
      description: 'The steward hung up on me.',
      severity: 'normal',
      receivedAt: '2026-03-09T10:00:00+08:00',
      concernsEmployeeIds: ['E-1'],
    };
    await http.post('/complaints').set(as.clerk).send(complaint).expect(201);
    const retried = await http.post('/complaints').set(as.clerk).send(complaint).expect(201);
    expect(retried.body.appended).toBe(0);
    const deduction = { deductionId: 'D-1', employeeId: 'E-1', ruleCode: 'PS-17', points: 2, occurredAt: '2026-03-09T10:00:00+08:00', reason: 'valid complaint', sourceComplaintId: 'C-1' };
    const applied = await http.post('/deductions').set(as.supervisor).send(deduction).expect(201);
    scoresBefore = (await http.get(`/employees/E-1/scores?from=2026-03&to=2026-03&minPosition=${applied.body.position}`).set(as.auditor).expect(200)).body;
  });
  afterAll(() => app.close());

  it('stores no plaintext of it in the event store or the read models', () => {
    // the scan would see plain text: the complaint's subject is stored as it was sent (the description is sealed)
    expect(storedBytes(dataDir, 'events.sqlite').includes(Buffer.from('service attitude'))).toBe(true);
    for (const prefix of ['events.sqlite', 'read-models.sqlite']) {
      const bytes = storedBytes(dataDir, prefix);
      for (const text of [PHONE, NAME, ADDRESS, '13800138000']) expect(bytes.includes(Buffer.from(text, 'utf8'))).toBe(false);
    }
  });

  it('shows it to a clerk and an auditor, never to an analyst', async () => {
    const forClerk = await http.get('/complaints/C-1').set(as.clerk).expect(200);
    expect(forClerk.body.complainant).toEqual({ name: NAME, phone: PHONE, address: ADDRESS });
    const record = await http.get('/employees/E-1/record').set(as.auditor).expect(200);
    expect(JSON.stringify(record.body)).toContain(PHONE);
    const forAnalyst = await http.get('/complaints/C-1').set(as.analyst).expect(200);
    expect(forAnalyst.body.complainant).toBe('[withheld]');
    const trail = await http.get('/employees/E-1/audit-trail').set(as.analyst).expect(200);
    const scores = await http.get('/scores?month=2026-03').set(as.analyst).expect(200);
    for (const body of [forAnalyst.body, trail.body, scores.body]) expect(JSON.stringify(body)).not.toMatch(/Zhang San|138 0013 8000|flat 501/);
  });

  it('after erasure shows a marker everywhere instead, and the scores stay the same', async () => {
    const key = await app.get<SubjectKeyStore>(SUBJECT_KEY_STORE).find('C-1');
    if (key.status !== 'active') throw new Error('expected an active key before erasure');
    const erased = await http.post('/complainants/C-1/erasure').set(as.admin).send({ reason: 'the complainant asked (request R-17)' }).expect(201);
    expect(erased.body.appended).toBe(1);
    expect((await http.post('/complainants/C-1/erasure').set(as.admin).send({ reason: 'again' }).expect(201)).body.appended).toBe(0);

    expect((await http.get('/complaints/C-1').set(as.clerk).expect(200)).body.complainant).toBe('[erased]');
    const record = await http.get('/employees/E-1/record').set(as.auditor).expect(200);
    const complaintEvent = record.body.events.find((e: { type: string }) => e.type === 'ComplaintReceived');
    expect(complaintEvent.data.complainant).toBe('[erased]');
    expect(JSON.stringify(record.body)).not.toMatch(/Zhang San|138 0013 8000|flat 501/);
    const scoresAfter = await http.get(`/employees/E-1/scores?from=2026-03&to=2026-03&minPosition=${erased.body.position}`).set(as.auditor).expect(200);
    expect(scoresAfter.body).toEqual(scoresBefore);
    expect(record.body.monthlyScores).toEqual([expect.objectContaining({ month: '2026-03', score: 98 })]);
    // the destroyed key's bytes are gone from the key store's file, not just unlinked
    expect(storedBytes(dataDir, 'subject-keys.sqlite').includes(key.key)).toBe(false);
  });

  it('refuses a new complaint under an erased subject, and an erasure of an unknown one', async () => {
    // given C-1's complainant erased (erasing again appends nothing)
    await http.post('/complainants/C-1/erasure').set(as.admin).send({ reason: 'the complainant asked (request R-17)' }).expect(201);
    const again = {
      complaintId: 'C-2',
      channel: 'visit',
      complainant: { subjectId: 'C-1', name: NAME },
      subject: 'noise',
      description: 'again',
      severity: 'normal',
      receivedAt: '2026-03-10T10:00:00+08:00',
    };
    expect((await http.post('/complaints').set(as.clerk).send(again).expect(422)).body.code).toBe('complainant_erased');
    await http.post('/complainants/nobody/erasure').set(as.admin).send({ reason: 'x' }).expect(404);
    await http.post('/complainants/C-1/erasure').set(as.clerk).send({ reason: 'x' }).expect(403);
  });
});
