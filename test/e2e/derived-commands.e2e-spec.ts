import type { INestApplication } from '@nestjs/common';
import Database from 'better-sqlite3';
import * as path from 'node:path';
import { defaultRulebook } from '../../src/rulebook/default-rulebook';
import { SagaRunner } from '../../src/policies/sagas/saga-runner.service';
import { EVENT_STORE } from '../../src/shared/event-store/event-store.port';
import type { EventStore } from '../../src/shared/event-store/event-store.port';
import { settle } from '../support/settle';
import { ownDataDir } from '../support/temp-dir';
import { ManualClock, operatorAgent, startTestApp } from '../support/test-app';
import type { Http } from '../service-levels/service-levels.fixture';

/**
 * Derived commands are never lost: a saga backlog survives restarts exactly once, and a command
 * that is refused is parked, listed, counted by /health and appended once by a retry after the fix.
 * The default rulebook is in force; an upheld complaint costs a delivery driver TS-COMPLAINT (004:146).
 */
const clock = new ManualClock(new Date('2026-10-12T07:00:00.000Z'));
const quickRetries = { SAGA_RETRY_BASE_DELAY_MS: '1', SAGA_RETRY_MAX_DELAY_MS: '4' };

async function givenTheDefaultRulebookAndDrivers(http: Http, drivers: string[]): Promise<void> {
  await http.post('/rulebook/versions').send(defaultRulebook).expect((r) => expect([200, 201]).toContain(r.status));
  for (const id of drivers) await registerDriver(http, id);
}

const registerDriver = (http: Http, employeeId: string) =>
  http.post('/employees').send({ employeeId, name: `Driver ${employeeId}`, department: 'delivery', position: 'delivery-driver' }).expect(201);

/** The complaint names no one (a complaint may name only registered staff); the verdict names the driver. */
async function upheldComplaintAgainst(http: Http, complaintId: string, employeeId: string): Promise<void> {
  await http
    .post('/complaints')
    .send({ complaintId, channel: 'hotline', complainant: { name: 'Zhang San' }, subject: 'late delivery', description: 'late again', severity: 'normal', receivedAt: '2026-10-12T09:00:00+08:00', concernsEmployeeIds: [] })
    .expect(201);
  await http.post(`/complaints/${complaintId}/verdict`).send({ outcome: 'upheld', employeeIds: [employeeId], reasoning: 'confirmed', decidedAt: '2026-10-12T10:00:00+08:00' }).expect(201);
}

const complaintDeductions = async (app: INestApplication) =>
  (await app.get<EventStore>(EVENT_STORE).readAll()).filter((e) => e.type === 'DeductionApplied' && (e.data as { source?: { kind?: string } }).source?.kind === 'complaint');

describe('a saga backlog across ten restarts', () => {
  const complaints = 24;
  // one attempt only: a command run before its handler is registered would be parked, not retried into success
  const firstAttemptOnly = { ...quickRetries, SAGA_RETRY_ATTEMPTS: '1' };
  // a folder of the test's own: the service restarts on it
  const own = ownDataDir('saga-backlog');

  it('appends every derived deduction exactly once, none lost', async () => {
    // given upheld verdicts recorded while no saga runs
    const started = await startTestApp(clock, own.dir, { RUN_SAGAS: 'false', ...quickRetries });
    own.app = started.app;
    let http = await operatorAgent(started.app, started.tokenFor, ['delivery']);
    const drivers = ['DR-1', 'DR-2', 'DR-3', 'DR-4'];
    await givenTheDefaultRulebookAndDrivers(http, drivers);
    for (let i = 0; i < complaints; i++) await upheldComplaintAgainst(http, `C-${i}`, drivers[i % drivers.length]);
    expect(await complaintDeductions(started.app)).toHaveLength(0);
    await started.app.close();
    own.app = undefined;

    const progress: number[] = [];
    // when the service restarts ten times with the sagas on, stopping while they work through the backlog
    for (let restart = 0; restart < 10; restart++) {
      const again = await startTestApp(clock, own.dir, firstAttemptOnly);
      own.app = again.app;
      const runner = again.app.get(SagaRunner);
      expect(runner.status.running).toBe(true);
      const head = await again.app.get<EventStore>(EVENT_STORE).headPosition();
      await runner.waitFor(Math.min(head, runner.status.position + 1 + restart));
      progress.push(runner.status.position);
      await again.app.close();
      own.app = undefined;
    }

    // then each verdict made its deduction once, and nothing was parked
    expect(new Set(progress).size).toBeGreaterThan(1); // the backlog was still being worked through across restarts
    const last = await startTestApp(clock, own.dir, firstAttemptOnly);
    own.app = last.app;
    http = await operatorAgent(last.app, last.tokenFor, ['delivery']);
    await settle(last.app);
    const deductions = await complaintDeductions(last.app);
    expect(deductions).toHaveLength(complaints);
    expect(new Set(deductions.map((e) => (e.data as { deductionId: string }).deductionId)).size).toBe(complaints);
    expect((await http.get('/parked-consequences').expect(200)).body.total).toBe(0);
  });
});

describe('a derived command that is refused', () => {
  let app: INestApplication;
  let http: Http;
  const health = async () => (await http.get('/health').expect(200)).body as { status: string; checks: { name: string; status: string; reason?: string; details?: Record<string, unknown> }[] };
  const sagas = async () => (await health()).checks.find((c) => c.name === 'sagas');
  const deductionsOfDR9 = async () => (await complaintDeductions(app)).filter((e) => (e.data as { employeeId: string }).employeeId === 'DR-9');
  /** A verdict against a driver not yet registered: the deduction it derives is refused. Recorded again, it appends nothing. */
  const verdictAgainstUnregisteredDriver = async () => {
    await upheldComplaintAgainst(http, 'C-9', 'DR-9');
    await settle(app);
  };

  beforeAll(async () => {
    const started = await startTestApp(clock, undefined, quickRetries);
    app = started.app;
    http = await operatorAgent(app, started.tokenFor, ['delivery']);
    await givenTheDefaultRulebookAndDrivers(http, ['DR-1']);
  });
  afterAll(() => app?.close());

  it('is parked with its cause and error, listed, and /health says degraded', async () => {
    expect((await sagas())?.status).toBe('ok');
    await verdictAgainstUnregisteredDriver();

    const list = (await http.get('/parked-consequences?status=parked').expect(200)).body;
    expect(list).toMatchObject({ total: 1, limit: 100, offset: 0 });
    const [parked] = list.items;
    expect(parked).toMatchObject({
      status: 'parked',
      cause: { eventType: 'ComplaintVerdictRecorded', position: expect.any(Number), eventId: expect.any(String) },
      command: { type: 'ApplyConsequenceCommand', payload: { data: expect.objectContaining({ employeeId: 'DR-9' }) } },
      error: { code: 'employee_not_registered', permanent: true },
      attempts: 1,
    });
    expect(await deductionsOfDR9()).toHaveLength(0);
    const check = await sagas();
    expect(check).toMatchObject({ status: 'degraded', details: { parked: 1, lag: 0 } });
    expect(check?.reason).toContain('1 consequence parked; see GET /parked-consequences');
    expect((await health()).status).toBe('degraded');
  });

  it('stays parked while its cause is not fixed: a retry answers 422 and appends nothing', async () => {
    await verdictAgainstUnregisteredDriver();
    const [parked] = (await http.get('/parked-consequences?status=parked').expect(200)).body.items;
    const refused = await http.post(`/parked-consequences/${parked._id}/retry`).expect(422);
    expect(refused.body).toMatchObject({ code: 'consequence_still_failing', error: { code: 'employee_not_registered' } });
    expect(await deductionsOfDR9()).toHaveLength(0);
    expect((await http.get('/parked-consequences?status=parked').expect(200)).body.items[0].attempts).toBe(2);
  });

  it('is appended once by a retry after the fix, and kept in the list as resolved', async () => {
    await verdictAgainstUnregisteredDriver();
    await registerDriver(http, 'DR-9');
    const [parked] = (await http.get('/parked-consequences?status=parked').expect(200)).body.items;
    const retried = await http.post(`/parked-consequences/${parked._id}/retry`).expect(200);
    expect(retried.body).toMatchObject({ _id: parked._id, status: 'resolved', resolution: { resolvedBy: 'operator-1' } });
    await http.post(`/parked-consequences/${parked._id}/retry`).expect(200);
    await settle(app);

    const deductions = await deductionsOfDR9();
    expect(deductions).toHaveLength(1);
    expect(deductions[0].data).toMatchObject({ ruleCode: 'TS-COMPLAINT', source: { kind: 'complaint', complaintId: 'C-9' } });
    expect((await http.get('/parked-consequences?status=parked').expect(200)).body.total).toBe(0);
    expect((await http.get('/parked-consequences?status=resolved').expect(200)).body.items.map((p: { _id: string }) => p._id)).toEqual([parked._id]);
    expect((await sagas())?.status).toBe('ok');
  });

  it('refuses an unknown id and a bad page with the field named', async () => {
    expect((await http.get('/parked-consequences?limit=0').expect(400)).body.message.join()).toContain('limit');
    await http.post('/parked-consequences/PC-unknown/retry').expect(404);
  });
});

describe('the saga checkpoint, written lazily', () => {
  const own = ownDataDir('saga-checkpoint');

  const sagaCheckpoint = (db: Database.Database) => (db.prepare('SELECT position FROM read_checkpoints WHERE name = ?').get('sagas:service-levels') as { position: number } | undefined)?.position;

  it('reaches the handled events by the stop, and when a crash loses it the replayed events derive nothing twice', async () => {
    const started = await startTestApp(clock, own.dir, quickRetries);
    own.app = started.app;
    const http = await operatorAgent(started.app, started.tokenFor, ['delivery']);
    await givenTheDefaultRulebookAndDrivers(http, ['DR-1', 'DR-2']);
    for (let i = 0; i < 6; i++) await upheldComplaintAgainst(http, `CK-${i}`, i % 2 === 0 ? 'DR-1' : 'DR-2');
    await settle(started.app);
    expect(await complaintDeductions(started.app)).toHaveLength(6);
    const head = await started.app.get<EventStore>(EVENT_STORE).headPosition();
    await started.app.close();
    own.app = undefined;

    const readModels = new Database(path.join(own.dir, 'read-models.sqlite'));
    try {
      // written lazily (or by the stop), the checkpoint reached the events the sagas handled
      expect(sagaCheckpoint(readModels)).toBeGreaterThanOrEqual(head - 1);
      // a crash before any checkpoint was written: every event goes through the sagas again
      readModels.prepare('DELETE FROM read_checkpoints WHERE name = ?').run('sagas:service-levels');
    } finally {
      readModels.close();
    }

    const again = await startTestApp(clock, own.dir, quickRetries);
    own.app = again.app;
    await again.app.get(SagaRunner).waitFor(await again.app.get<EventStore>(EVENT_STORE).headPosition());
    await settle(again.app);
    const deductions = await complaintDeductions(again.app);
    expect(deductions).toHaveLength(6);
    const agent = await operatorAgent(again.app, again.tokenFor, ['delivery']);
    expect((await agent.get('/parked-consequences').expect(200)).body.total).toBe(0);
  });
});
