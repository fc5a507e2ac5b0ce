import { freePort, ServiceProcess } from '../support/service-process';
import { makeTempDir, removeDir } from '../support/temp-dir';
import { TEST_ADMIN_TOKEN } from '../support/test-app';

/**
 * `kill -9` during a burst of commands, then a restart: every acknowledged command's events are
 * in the store, and no read model counts anything twice.
 */
describe('a crash during a burst of commands', () => {
  let dataDir: string;
  let service: ServiceProcess;
  let token = TEST_ADMIN_TOKEN;

  beforeAll(() => {
    dataDir = makeTempDir('crash');
  });
  afterAll(async () => {
    await service?.stop();
    removeDir(dataDir);
  });

  const post = (url: string, body: object) =>
    fetch(`${service.url}${url}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const get = async (url: string): Promise<any> => {
    const res = await fetch(`${service.url}${url}`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    return res.json();
  };

  it('loses no acknowledged event and counts nothing twice after restart', async () => {
    // the child registers the admin token it is given instead of printing a new one
    service = new ServiceProcess(dataDir, await freePort(), { BOOTSTRAP_ADMIN_TOKEN: TEST_ADMIN_TOKEN });
    await service.start();
    const employees = ['E-1', 'E-2', 'E-3', 'E-4'];
    for (const employeeId of employees) {
      expect((await post('/employees', { employeeId, name: employeeId, department: 'repairs', position: 'property-steward' })).status).toBe(201);
    }
    const issued = await post('/credentials', { principalId: 'crash-test', roles: ['supervisor', 'auditor'], departments: ['repairs'] });
    expect(issued.status).toBe(201);
    token = ((await issued.json()) as { token: string }).token;

    const acknowledged: string[] = [];
    let killed = false;
    const burst = Array.from({ length: 600 }, (_, i) => ({
      deductionId: `D-${i}`,
      employeeId: employees[i % employees.length],
      ruleCode: 'PS-14',
      points: 1,
      occurredAt: '2026-03-10T10:00:00+08:00',
      reason: 'late on site',
    }));
    const queue = [...burst];
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        try {
          const res = await post('/deductions', next);
          if (res.status === 201) acknowledged.push(next.deductionId);
          if (acknowledged.length >= 150 && !killed) {
            killed = true;
            await service.kill();
          }
        } catch {
          // the service is gone: this command was never acknowledged
        }
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    expect(killed).toBe(true);
    expect(acknowledged.length).toBeGreaterThanOrEqual(150);

    await service.start();
    const { headPosition } = await get('/health');
    const stored = new Set<string>();
    for (const employeeId of employees) {
      const record = await get(`/employees/${employeeId}/record`);
      const deductions = record.events.filter((e: { type: string }) => e.type === 'DeductionApplied');
      deductions.forEach((e: { data: { deductionId: string } }) => stored.add(e.data.deductionId));

      const scores = await get(`/employees/${employeeId}/scores?from=2026-03&to=2026-03&minPosition=${headPosition}`);
      expect(scores.months[0].totalDeducted).toBe(deductions.length * 1);
      expect(scores.months[0].score).toBe(record.monthlyScores[0].score);

      const trail = await get(`/employees/${employeeId}/audit-trail?limit=1000&minPosition=${headPosition}`);
      expect(trail.entries.map((e: { position: number }) => e.position)).toEqual(record.events.map((e: { position: number }) => e.position));
    }
    for (const id of acknowledged) expect(stored).toContain(id);
  }, 60000);
});
