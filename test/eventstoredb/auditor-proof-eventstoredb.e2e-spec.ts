import * as fs from 'node:fs';
import * as path from 'node:path';
import { describeCheckpoint } from '../../src/integrity/domain/checkpoint';
import type { SignedCheckpoint } from '../../src/integrity/domain/checkpoint';
import { EsdbDouble } from '../doubles/esdb/esdb-double.server';
import { runCli } from '../support/cli';
import { httpAs } from '../support/http-as';
import { expectRecordProofToHold } from '../support/record-proof';
import { freePort, ServiceProcess } from '../support/service-process';
import { makeTempDir, removeDir } from '../support/temp-dir';
import { TEST_ADMIN_TOKEN } from '../support/test-app';

/**
 * The auditor's proof on EventStoreDB (the protocol double), in the default configuration (the
 * shipped rulebook loaded, sagas and the deadline watcher running): the chain is kept per stream,
 * a period's close seals a checkpoint over the streams' heads, the service is restarted, and then
 * a deduction's points are changed and another deduction's stream cut behind the server's back:
 * GET /integrity and the command-line verifier name both.
 */
describe("the auditor's proof on EventStoreDB", () => {
  let double: EsdbDouble;
  let workDir: string;
  let dataDir: string;
  let service: ServiceProcess;
  const tokens: Record<string, string> = { admin: TEST_ADMIN_TOKEN };
  let closed: SignedCheckpoint;
  const publicKeyFile = () => path.join(workDir, 'public-key.pem');
  const integrityFile = (name: string) => path.join(dataDir, 'integrity', name);

  const { call, ok } = httpAs(() => service.url, tokens);
  const verifyServer = (...more: string[]) =>
    runCli(['verify', '--eventstoredb', double.connectionString, '--public-key', publicKeyFile(), '--checkpoints', integrityFile('checkpoints.jsonl'), ...more], dataDir);

  beforeAll(async () => {
    double = await EsdbDouble.start();
    workDir = makeTempDir('auditor-proof-esdb');
    dataDir = path.join(workDir, 'data');
    service = new ServiceProcess(dataDir, await freePort(), { BOOTSTRAP_ADMIN_TOKEN: TEST_ADMIN_TOKEN, EVENTSTOREDB_CONNECTION_STRING: double.connectionString });
    await service.start();
    for (const [name, roles, departments] of [
      ['auditor', ['auditor'], undefined],
      ['supervisor', ['supervisor'], ['stewards']],
    ] as const) {
      tokens[name] = (await ok('POST', '/credentials', 'admin', { principalId: `proof-${name}`, roles, departments })).token;
    }
    for (const employeeId of ['E-1', 'E-2']) await ok('POST', '/employees', 'admin', { employeeId, name: employeeId, department: 'stewards', position: 'property-steward' });
    tokens['E-1'] = (await ok('POST', '/credentials', 'admin', { principalId: 'proof-E-1', roles: ['employee'], employeeId: 'E-1' })).token;
    await ok('POST', '/periods', 'supervisor', { period: '2026-03', openedAt: '2026-03-01T00:00:00+08:00' });
    for (let i = 1; i <= 4; i++) {
      await ok('POST', '/deductions', 'supervisor', { deductionId: `D-${i}`, employeeId: i % 2 ? 'E-1' : 'E-2', ruleCode: 'PS-14', points: 1, occurredAt: `2026-03-1${i}T10:00:00+08:00`, reason: 'late on site' });
    }
    await ok('POST', '/deductions/D-3/contest', 'E-1', { reason: 'I was on another call', contestedAt: '2026-03-20T10:00:00+08:00' });
    fs.writeFileSync(publicKeyFile(), await (await fetch(`${service.url}/integrity/public-key`)).text());
  }, 60_000);

  afterAll(async () => {
    await service?.stop();
    await double?.stop();
    removeDir(workDir);
  });

  it("seals a checkpoint over the streams' heads into a period's close, and after a restart GET /integrity verifies the log up to it", async () => {
    await ok('POST', '/periods/2026-03/close', 'supervisor', { closedAt: '2026-04-02T09:00:00+08:00' });
    const { periods } = await ok('GET', '/periods', 'auditor');
    const checkpoint = periods.find((p: { period: string }) => p.period === '2026-03').checkpoint;
    closed = checkpoint;
    expect(checkpoint).toMatchObject({ format: 'ledger-stream-heads/1', signature: expect.any(String) });

    await service.stop();
    await service.start();

    const { chain, report } = await ok('GET', '/integrity', 'auditor');
    expect(chain).toBe('per-stream');
    expect(report).toMatchObject({ intact: true, findings: [], verifiedUpTo: { position: checkpoint.position, checkpoint: { signature: checkpoint.signature } } });
    expect(report.streams).toBeGreaterThan(4);
    const signed = await call('POST', '/integrity/checkpoints', 'auditor');
    expect(signed.status).toBe(201);
    expect(signed.body.position).toBeGreaterThanOrEqual(checkpoint.position);
    const cli = await verifyServer();
    expect(cli.stdout).toMatch(/^verified up to position \d+ at the checkpoint of .* streams/m);
    expect(cli.code).toBe(0);
  }, 60_000);

  it("exports an employee's record with its proof against the streams' heads: it verifies with only the public key, and fails once one byte is changed or one event is left out", async () => {
    const res = await call('GET', '/employees/E-1/record/proof', 'auditor');
    expect(res.status).toBe(200);
    expect(res.body.checkpoint.format).toBe('ledger-stream-heads/1');
    expect(res.body.events.map((e: { type: string; streamName: string }) => `${e.streamName} ${e.type}`)).toEqual(
      expect.arrayContaining(['employee-E-1 EmployeeRegistered', 'deduction-D-1 DeductionApplied', 'deduction-D-3 DeductionApplied', 'deduction-D-3 DeductionContested']),
    );
    // D-3 was contested after it was applied: its application reaches the head signed through the contest's digest
    const applied = res.body.events.find((e: { streamName: string; revision: number }) => e.streamName === 'deduction-D-3' && e.revision === 0);
    expect(applied.following).toHaveLength(1);
    const exported = path.join(workDir, 'E-1.proof.json');
    await expectRecordProofToHold(res.text, exported, publicKeyFile(), dataDir);
  }, 60_000);

  it("names a deduction's points changed and another deduction's stream cut on the server, in GET /integrity and in the verifier", async () => {
    const altered = double.log.stream('deduction-D-1')![0];
    altered.data = Buffer.from(new TextDecoder().decode(altered.data).replace('"points":1', '"points":0'));
    const cut = double.log.stream('deduction-D-3')!;
    const last = cut.pop()!;
    double.log.records.splice(double.log.records.indexOf(last), 1);

    const { report } = await ok('GET', '/integrity', 'auditor');
    expect(report.intact).toBe(false);
    const kinds = report.findings.map((finding: { kind: string; message: string }) => `${finding.kind}: ${finding.message}`);
    // the close's checkpoint was signed with D-3's contest as the newest event; the one signed on demand is named with the saved heads
    expect(kinds).toEqual([
      expect.stringMatching(new RegExp(`^altered: the event at position ${altered.position} \\(DeductionApplied, deduction-D-1 revision 0\\)`)),
      `missing: no event is stored at position ${last.position}, the newest one the ${describeCheckpoint(closed)} signed: the streams' heads there do not match it`,
      expect.stringMatching(new RegExp(`^truncated: deduction-D-3 ends at revision ${cut.length - 1}, .* saw revision ${cut.length}`)),
    ]);

    const named = await verifyServer('--heads', integrityFile('heads.json'));
    expect(named.code).toBe(1);
    expect(named.stdout).toMatch(/^ALTERED: .*deduction-D-1 revision 0/m);
    expect(named.stdout).toMatch(/^TRUNCATED: deduction-D-3 ends at revision/m);
  }, 60_000);

  it('refuses --heads that is not the heads a service saved, and --heads without --eventstoredb, with exit code 2', async () => {
    const notHeads = path.join(workDir, 'not-heads.json');
    fs.writeFileSync(notHeads, '{"position":"x"}');
    const wrongFile = await verifyServer('--heads', notHeads);
    expect(wrongFile.code).toBe(2);
    expect(wrongFile.stderr).toContain(`--heads ${notHeads} is not the heads a service saved (<data>/integrity/heads.json)`);
    const withStore = await runCli(['verify', '--store', path.join(dataDir, 'events.sqlite'), '--heads', notHeads, '--public-key', publicKeyFile()], dataDir);
    expect(withStore.code).toBe(2);
    expect(withStore.stderr).toContain('--eventstoredb <connection-string>');
  }, 60_000);
});
