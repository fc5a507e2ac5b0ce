import type { INestApplication } from '@nestjs/common';
import type Database from 'better-sqlite3';
import * as fs from 'node:fs';
import * as path from 'node:path';
import request from 'supertest';
import { defaultRulebook } from '../../src/rulebook/default-rulebook';
import { EVENT_STORE } from '../../src/shared/event-store/event-store.port';
import { ObservedEventStore } from '../../src/shared/observability/observed-event-store';
import type { UpcastingEventStore } from '../../src/shared/event-store/upcasting';
import { spawnService } from '../support/service-process';
import { makeTempDir, removeDir } from '../support/temp-dir';
import { ManualClock, bearer, startTestApp } from '../support/test-app';

/**
 * Runs the built service until it exits (it is expected to refuse to start); its exit code and
 * stderr. One that is still running after 15 s is killed, so a failing test leaves no process behind.
 */
function runUntilExit(env: NodeJS.ProcessEnv): Promise<{ code: number | null; stderr: string }> {
  const child = spawnService({ PORT: '0', HOST: '127.0.0.1', ...env }, ['ignore', 'ignore', 'pipe']);
  const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  return new Promise((resolve, reject) => {
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => {
      clearTimeout(killer);
      resolve({ code, stderr });
    });
  });
}

const employee = (n: number) => ({ employeeId: `E-${n}`, name: `Employee ${n}`, department: 'repairs', position: 'property-steward' });

describe('health, metrics and start-up checks that tell the truth', () => {
  const temps: string[] = [];
  const tempDir = () => {
    const dir = makeTempDir('obs');
    temps.push(dir);
    return dir;
  };
  afterAll(() => temps.forEach(removeDir));

  describe('with the service running on the embedded stores', () => {
    let app: INestApplication;
    let admin: string;
    let http: ReturnType<typeof request>;
    let eventsDb: Database.Database;

    /** Caps the events file at its size, then registers employees until a command is refused: that answer. */
    const fillTheEventsFile = async () => {
      const pages = eventsDb.pragma('page_count', { simple: true }) as number;
      eventsDb.pragma(`max_page_count = ${pages}`);
      for (let n = 1; n <= 200; n++) {
        const res = await http.post('/employees').set(bearer(admin)).send(employee(n));
        if (res.status !== 201) return res;
      }
      return undefined;
    };
    const freeSpace = () => eventsDb.pragma('max_page_count = 1073741823');

    // a service of its own for each test: the metrics count what that test did
    beforeEach(async () => {
      const started = await startTestApp(new ManualClock(new Date('2026-03-31T04:00:00.000Z')));
      app = started.app;
      admin = started.adminToken;
      http = request(app.getHttpServer());
      await http.post('/rulebook/versions').set(bearer(admin)).send(defaultRulebook).expect((r) => expect([200, 201]).toContain(r.status));
      // the real SQLite connection of the embedded event store, to make its file full for real
      eventsDb = (((app.get(EVENT_STORE) as ObservedEventStore).inner as UpcastingEventStore).inner as unknown as { db: Database.Database }).db;
    });
    afterEach(() => app?.close());

    it('given a full events file, when commands are sent, then they answer 503 disk_full and /health is failing naming event-store-writes; once space is back, both recover', async () => {
      await http.post('/employees').set(bearer(admin)).send(employee(0)).expect(201);
      const failed = await fillTheEventsFile();
      expect(failed?.status).toBe(503);
      expect(failed?.body).toMatchObject({ statusCode: 503, code: 'disk_full' });
      expect(failed?.body.message).toMatch(/disk is full/);

      const health = await http.get('/health');
      expect(health.status).toBe(503);
      expect(health.body.status).toBe('failing');
      expect(health.body.reason).toMatch(/event-store-writes: .*SQLITE_FULL/);
      expect(health.body.checks).toContainEqual(expect.objectContaining({ name: 'event-store-writes', status: 'failing' }));

      freeSpace();
      await http.post('/employees').set(bearer(admin)).send(employee(1000)).expect(201);
      const recovered = await http.get('/health');
      expect(recovered.body.checks).toContainEqual({ name: 'event-store-writes', status: 'ok' });
    });

    it('/metrics holds requests by route pattern and status, append latency, head position, lag, parked and health per component, and process metrics', async () => {
      // given a command refused for a full disk, then one accepted once space is back
      await http.post('/employees').set(bearer(admin)).send(employee(0)).expect(201);
      expect((await fillTheEventsFile())?.status).toBe(503);
      freeSpace();
      await http.post('/employees').set(bearer(admin)).send(employee(1000)).expect(201);
      await http.get('/employees/E-0/scores').set(bearer(admin));
      await http.get('/employees/E-1/scores').set(bearer(admin));
      const res = await http.get('/metrics').expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/plain/);
      const text = res.text;
      // route pattern, never the raw URL
      expect(text).toMatch(/ledger_http_requests_total\{method="POST",route="\/employees",status="201"\} \d+/);
      expect(text).toMatch(/ledger_http_requests_total\{method="GET",route="\/employees\/:employeeId\/scores",status="\d+"\} \d+/);
      expect(text).not.toMatch(/route="\/employees\/E-[01]\/scores"/);
      expect(text).toMatch(/ledger_http_request_duration_seconds_bucket\{le="[^"]+",method="POST",route="\/employees",status="201"\}/);
      expect(text).toMatch(/ledger_http_request_duration_seconds_count\{method="POST",route="\/employees",status="503"\} 1/);
      expect(text).toMatch(/ledger_event_store_append_seconds_count\{outcome="ok"\} [1-9]/);
      expect(text).toMatch(/ledger_event_store_append_seconds_count\{outcome="disk_full"\} 1/);
      const head = Number(/ledger_event_store_head_position (\d+)/.exec(text)?.[1]);
      expect(head).toBeGreaterThan(0);
      expect(text).toMatch(/ledger_health_status\{component="event-store-writes"\} 0/);
      expect(text).toMatch(/ledger_health_status\{component="event-store"\} 0/);
      expect(text).toMatch(/ledger_process_cpu_user_seconds_total/);
      expect(text).toMatch(/# TYPE ledger_lag_events gauge/);
      expect(text).toMatch(/# TYPE ledger_parked gauge/);
    });
  });

  it('exports lag and parked of every check that reports them in its details', async () => {
    const { app } = await startTestApp(new ManualClock(new Date('2026-03-31T04:00:00.000Z')));
    try {
      const { HealthRegistry } = await import('../../src/shared/health/health-registry');
      app.get(HealthRegistry).register({ name: 'projection:example', check: () => ({ name: 'projection:example', status: 'degraded', reason: 'behind', details: { position: 7, headPosition: 19, lag: 12, parked: 2 } }) });
      const text = (await request(app.getHttpServer()).get('/metrics').expect(200)).text;
      expect(text).toMatch(/ledger_lag_events\{component="projection:example"\} 12/);
      expect(text).toMatch(/ledger_parked\{component="projection:example"\} 2/);
      expect(text).toMatch(/ledger_component_position\{component="projection:example"\} 7/);
      expect(text).toMatch(/ledger_health_status\{component="projection:example"\} 1/);
    } finally {
      await app.close();
    }
  });

  it('given events.sqlite with a damaged page in the middle, the service refuses to start naming the file', async () => {
    const source = tempDir();
    const { app, adminToken } = await startTestApp(new ManualClock(new Date('2026-03-31T04:00:00.000Z')), source);
    try {
      const http = request(app.getHttpServer());
      await http.post('/rulebook/versions').set(bearer(adminToken)).send(defaultRulebook);
      for (let n = 0; n < 60; n++) await http.post('/employees').set(bearer(adminToken)).send(employee(n)).expect(201);
    } finally {
      await app.close();
    }

    const damaged = tempDir();
    for (const name of fs.readdirSync(source)) if (name.endsWith('.sqlite')) fs.copyFileSync(path.join(source, name), path.join(damaged, name));
    const file = path.join(damaged, 'events.sqlite');
    const pageSize = 4096;
    const pages = fs.statSync(file).size / pageSize;
    expect(pages).toBeGreaterThan(4);
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, Math.floor(pages / 2) * pageSize);
    fs.closeSync(fd);

    const { code, stderr } = await runUntilExit({ DATA_DIR: damaged });
    expect(code).not.toBe(0);
    expect(stderr).toContain(`the embedded file ${file} failed its start-up integrity check`);
  });

  it('given a DATA_DIR the service cannot create, it refuses to start naming the directory and what it needs', async () => {
    const blocker = path.join(tempDir(), 'a-file');
    fs.writeFileSync(blocker, '');
    const dataDir = path.join(blocker, 'data');
    const { code, stderr } = await runUntilExit({ DATA_DIR: dataDir });
    expect(code).not.toBe(0);
    expect(stderr).toContain(`DATA_DIR ${dataDir} cannot be used`);
    expect(stderr).toMatch(/needs a directory it can create and write/);
  });

  (process.getuid?.() === 0 ? it.skip : it)('given a read-only DATA_DIR, it refuses to start naming the directory (not as root: root writes anywhere)', async () => {
    const dataDir = tempDir();
    fs.chmodSync(dataDir, 0o555);
    try {
      const { code, stderr } = await runUntilExit({ DATA_DIR: dataDir });
      expect(code).not.toBe(0);
      expect(stderr).toContain(`DATA_DIR ${dataDir} cannot be used (EACCES`);
    } finally {
      fs.chmodSync(dataDir, 0o755);
    }
  });
});
