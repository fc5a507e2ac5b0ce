import Database from 'better-sqlite3';
import { Workbook } from 'exceljs';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { linkOf } from '../../src/shared/domain/event-chain';
import { runCli } from '../support/cli';
import { httpAs } from '../support/http-as';
import { expectRecordProofToHold } from '../support/record-proof';
import { freePort, ServiceProcess } from '../support/service-process';
import { makeTempDir, removeDir } from '../support/temp-dir';
import { TEST_ADMIN_TOKEN } from '../support/test-app';

/**
 * The auditor's proof, in the default configuration (the shipped rulebook loaded, sagas and the
 * deadline watcher running): a record of facts, a period closed (its seal records a checkpoint), a
 * complainant erased; then the store is altered directly in events.sqlite, five ways, and both the
 * command-line verifier (with only the public key) and GET /integrity name each alteration.
 */
describe("the auditor's proof", () => {
  let workDir: string;
  let dataDir: string;
  let service: ServiceProcess;
  const tokens: Record<string, string> = { admin: TEST_ADMIN_TOKEN };
  const publicKeyFile = () => path.join(workDir, 'public-key.pem');
  const checkpointsFile = () => path.join(dataDir, 'integrity', 'checkpoints.jsonl');

  const { call, ok } = httpAs(() => service.url, tokens);
  const verifyStore = (store: string) => runCli(['verify', '--store', store, '--public-key', publicKeyFile(), '--checkpoints', checkpointsFile()], dataDir);

  beforeAll(async () => {
    workDir = makeTempDir('auditor-proof');
    dataDir = path.join(workDir, 'data');
    service = new ServiceProcess(dataDir, await freePort(), { BOOTSTRAP_ADMIN_TOKEN: TEST_ADMIN_TOKEN });
    await service.start();
    for (const [name, roles, departments] of [
      ['auditor', ['auditor'], undefined],
      ['supervisor', ['supervisor'], ['stewards']],
      ['clerk', ['clerk'], undefined],
    ] as const) {
      tokens[name] = (await ok('POST', '/credentials', 'admin', { principalId: `proof-${name}`, roles, departments })).token;
    }
    for (const employeeId of ['E-1', 'E-2']) await ok('POST', '/employees', 'admin', { employeeId, name: employeeId, department: 'stewards', position: 'property-steward' });
    await ok('POST', '/periods', 'supervisor', { period: '2026-03', openedAt: '2026-03-01T00:00:00+08:00' });
    await ok('POST', '/complaints', 'clerk', {
      complaintId: 'C-1',
      channel: 'hotline',
      complainant: { name: 'Wang Fang', phone: '13800000000', address: 'Building 3, Room 402' },
      subject: 'service attitude',
      description: 'The steward hung up on me.',
      severity: 'normal',
      receivedAt: '2026-03-09T10:00:00+08:00',
      concernsEmployeeIds: ['E-1'],
    });
    for (let i = 1; i <= 6; i++) {
      await ok('POST', '/deductions', 'supervisor', { deductionId: `D-${i}`, employeeId: i % 2 ? 'E-1' : 'E-2', ruleCode: 'PS-14', points: 1, occurredAt: `2026-03-1${i}T10:00:00+08:00`, reason: 'late on site' });
    }
    await ok('POST', '/deductions', 'supervisor', { deductionId: 'D-7', employeeId: 'E-1', ruleCode: 'PS-17', points: 2, occurredAt: '2026-03-19T10:00:00+08:00', reason: 'valid complaint', sourceComplaintId: 'C-1' });
    fs.writeFileSync(publicKeyFile(), (await fetch(`${service.url}/integrity/public-key`)).ok ? await (await fetch(`${service.url}/integrity/public-key`)).text() : '');
  }, 60_000);

  afterAll(async () => {
    await service?.stop();
    removeDir(workDir);
  });

  it('seals a checkpoint into the close of a period, and GET /integrity verifies the log up to it', async () => {
    const closed = await ok('POST', '/periods/2026-03/close', 'supervisor', { closedAt: '2026-04-02T09:00:00+08:00' });
    const { periods } = await ok('GET', '/periods', 'auditor');
    const checkpoint = periods.find((p: { period: string }) => p.period === '2026-03').checkpoint;
    expect(checkpoint).toMatchObject({ format: 'ledger-checkpoint/1', signature: expect.any(String) });
    expect(checkpoint.position).toBeLessThan(closed.position);

    const answer = await ok('GET', '/integrity', 'auditor');
    expect(answer.report).toMatchObject({ intact: true, findings: [] });
    expect(answer.report.verifiedUpTo.checkpoint.signature).toBe(checkpoint.signature);
    expect(answer.key).toMatchObject({ keyId: checkpoint.keyId, source: 'generated' });
    expect((await call('GET', '/integrity', 'supervisor')).status).toBe(403);

    // the period's exports carry the checkpoint its seal recorded
    const xlsx = await fetch(`${service.url}/period-scores?period=2026-03&format=xlsx`, { headers: { authorization: `Bearer ${tokens.auditor}` } });
    const workbook = new Workbook();
    await workbook.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ArrayBuffer);
    const fields = new Map<string, unknown>();
    workbook.getWorksheet('checkpoint')!.eachRow((row) => fields.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(Object.fromEntries(['position', 'root', 'signature'].map((field) => [field, fields.get(field)]))).toEqual({ position: checkpoint.position, root: checkpoint.root, signature: checkpoint.signature });
    const csv = await fetch(`${service.url}/period-scores?period=2026-03&format=csv`, { headers: { authorization: `Bearer ${tokens.auditor}` } });
    expect(JSON.parse(csv.headers.get('ledger-checkpoint')!)).toEqual(checkpoint);
  });

  it('still verifies after a complainant is erased', async () => {
    await ok('POST', '/complainants/C-1/erasure', 'admin', { reason: 'the complainant asked (request R-17)' });
    const signed = await ok('POST', '/integrity/checkpoints', 'auditor');
    const answer = await ok('GET', '/integrity', 'auditor');
    expect(answer.report).toMatchObject({ intact: true, verifiedUpTo: { position: signed.position } });
  });

  it("exports an employee's record that verifies with only the public key, and fails once one byte is changed or one event is left out", async () => {
    const res = await call('GET', '/employees/E-1/record/proof', 'auditor');
    expect(res.status).toBe(200);
    expect(res.body.events.map((e: { type: string }) => e.type)).toEqual(expect.arrayContaining(['EmployeeRegistered', 'DeductionApplied', 'PeriodScoreSealed']));
    expect(res.text).not.toContain('Wang Fang'); // the complainant's data stays sealed in the export
    const exported = path.join(workDir, 'E-1.proof.json');
    await expectRecordProofToHold(res.text, exported, publicKeyFile(), dataDir);
    expect((await call('GET', '/employees/E-1/record/proof', 'supervisor')).status).toBe(403);
    const nobody = await call('GET', '/employees/E-404/record/proof', 'auditor');
    expect(nobody.status).toBe(404);
    expect(nobody.body).toMatchObject({ code: 'not_found', message: 'employee E-404 was not found' });
  });

  describe('after the store is altered directly in events.sqlite', () => {
    let pristine: string;
    let head: number;
    let deductionAt: number;

    beforeAll(async () => {
      await ok('POST', '/integrity/checkpoints', 'auditor'); // the head signed: the tail cut below is after it
      await service.stop();
      pristine = path.join(workDir, 'pristine');
      fs.cpSync(dataDir, pristine, { recursive: true });
      const db = new Database(path.join(pristine, 'events.sqlite'), { readonly: true });
      head = (db.prepare('SELECT MAX(position) AS head FROM events').get() as { head: number }).head;
      deductionAt = (db.prepare("SELECT position FROM events WHERE stream_name = 'deduction-D-3' AND type = 'DeductionApplied'").get() as { position: number }).position;
      db.close();
    });

    afterAll(async () => {
      fs.rmSync(dataDir, { recursive: true, force: true });
      fs.cpSync(pristine, dataDir, { recursive: true });
    });

    const cases: { name: string; alter: (db: Database.Database) => void; finding: RegExp }[] = [
      {
        name: "a deduction's points changed",
        alter: (db) => db.prepare(`UPDATE events SET data = replace(data, '"points":1', '"points":0') WHERE position = ?`).run(deductionAt),
        finding: /ALTERED: the event at position (\d+) \(DeductionApplied, deduction-D-3 revision 0\) is altered/,
      },
      { name: 'an event deleted', alter: (db) => db.prepare('DELETE FROM events WHERE position = ?').run(deductionAt), finding: /MISSING: events are missing between positions \d+ and \d+/ },
      {
        name: 'an event inserted, its links computed to fit',
        alter: (db) => {
          const before = db.prepare('SELECT chain_link FROM events WHERE position = ?').get(deductionAt - 1) as { chain_link: Buffer };
          const forged = { id: '00000000-0000-4000-8000-000000000001', streamName: 'deduction-D-99', revision: 0, type: 'DeductionApplied', data: '{"deductionId":"D-99","employeeId":"E-2","points":10}', metadata: '{"actor":"forger"}' };
          db.prepare('UPDATE events SET position = -position WHERE position >= ?').run(deductionAt);
          db.prepare('UPDATE events SET position = 1 - position WHERE position < 0').run();
          db.prepare('INSERT INTO events (position, id, stream_name, revision, type, data, metadata, recorded_at, chain_prev, chain_link) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
            deductionAt, forged.id, forged.streamName, forged.revision, forged.type, forged.data, forged.metadata, '2026-03-20T00:00:00.000Z', before.chain_link, linkOf(before.chain_link, forged),
          );
        },
        finding: /ADDED: the event at position \d+ was added/,
      },
      {
        name: 'two events swapped',
        alter: (db) => {
          db.prepare('UPDATE events SET position = -1 WHERE position = ?').run(deductionAt);
          db.prepare('UPDATE events SET position = ? WHERE position = ?').run(deductionAt, deductionAt + 3);
          db.prepare('UPDATE events SET position = ? WHERE position = -1').run(deductionAt + 3);
        },
        finding: /OUT-OF-ORDER: the event at position \d+ is out of order/,
      },
      { name: 'the tail cut', alter: (db) => db.prepare('DELETE FROM events WHERE position > ?').run(head - 5), finding: /TRUNCATED: the log ends at position \d+, the checkpoint of .* reaches \d+: the events after \d+ are missing/ },
    ];

    it('verifies the unaltered copy with only the public key', async () => {
      const result = await verifyStore(path.join(pristine, 'events.sqlite'));
      expect(result).toMatchObject({ code: 0, stdout: expect.stringMatching(/^verified up to position \d+ at the checkpoint of/m) });
    });

    it.each(cases)('names $name, on the command line and in GET /integrity', async ({ alter, finding }) => {
      fs.rmSync(dataDir, { recursive: true, force: true });
      fs.cpSync(pristine, dataDir, { recursive: true });
      const db = new Database(path.join(dataDir, 'events.sqlite'));
      alter(db);
      db.close();

      const result = await verifyStore(path.join(dataDir, 'events.sqlite'));
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(finding);

      await service.start();
      try {
        const answer = await ok('GET', '/integrity', 'auditor');
        expect(answer.report.intact).toBe(false);
        const kind = finding.source.slice(0, finding.source.indexOf(':')).toLowerCase();
        expect(answer.report.findings.map((f: { kind: string }) => f.kind)).toContain(kind);
      } finally {
        await service.stop();
      }
    });
  });
});
