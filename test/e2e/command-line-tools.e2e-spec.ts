import { runCli } from '../support/cli';
import { makeTempDir, ownDataDir, removeDir } from '../support/temp-dir';
import { ManualClock, operatorAgent, startTestApp } from '../support/test-app';

describe('the command-line tools, on the built service', () => {
  const own = ownDataDir('rebuild-cli');

  it('is refused while the service runs on the same files, and rebuilds once it has stopped', async () => {
    const started = await startTestApp(new ManualClock(new Date('2026-03-10T01:00:00.000Z')), own.dir);
    own.app = started.app;
    const http = await operatorAgent(started.app, started.tokenFor);
    await http.post('/employees').send({ employeeId: 'E-1', name: 'Li Ming', department: 'repairs', position: 'steward' }).expect(201);

    const refused = await runCli(['rebuild-projection', 'employees'], own.dir);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/refused: DATA_DIR .* is in use by another running instance/);
    expect(refused.stdout).not.toMatch(/rebuilt/);

    await own.app.close();
    own.app = undefined;
    // the demo never mixes made-up facts with a company's own
    const mixed = await runCli(['demo'], own.dir, { DEADLINE_WATCH_INTERVAL_MS: '0' });
    expect(mixed.code).toBe(1);
    expect(mixed.stderr).toMatch(/already holds facts \(EmployeeRegistered in employee-E-1, …\): the demo seeds only an empty data directory/);

    const rebuilt = await runCli(['rebuild-projection', 'employees'], own.dir);
    expect(rebuilt.stderr).toBe('');
    expect(rebuilt.code).toBe(0);
    expect(rebuilt.stdout).toMatch(/rebuilt employees v1 from \d+ events/);
  });

  it("imports a year's public holidays into the calendar the service then uses; the same year again appends nothing", async () => {
    const folder = makeTempDir('import-holidays');
    try {
      const imported = await runCli(['import-holidays', '2026'], folder);
      expect(imported.stderr).toBe('');
      expect(imported.stdout).toMatch(/imported \d+ holidays and 6 make-up working days of 2026 \(chinese-days@[\d.]+\) as a new calendar version/);
      expect((await runCli(['import-holidays', '2026'], folder)).stdout).toMatch(/the calendar already holds/);
      expect((await runCli(['import-holidays', '2099'], folder)).code).toBe(1);
      const started = await startTestApp(new ManualClock(new Date('2026-03-10T01:00:00.000Z')), folder);
      try {
        const http = await operatorAgent(started.app, started.tokenFor);
        const { calendar } = (await http.get('/service-levels').expect(200)).body;
        expect(calendar.makeUpWorkingDays).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
      } finally {
        await started.app.close();
      }
    } finally {
      removeDir(folder);
    }
  });

  it('names the tools it runs when asked for another', async () => {
    const wrong = await runCli(['compile-everything'], own.dir);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/usage: node bin\/cli\.js <credentials \| load-rulebook \| import-holidays \| rebuild-projection/);
  });
});
