import type { ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { defaultRulebook } from '../../src/rulebook/default-rulebook';
import { SqliteEventStore } from '../../src/shared/event-store/sqlite/sqlite-event-store';
import { freePort, spawnService } from '../support/service-process';
import { makeTempDir, removeDir } from '../support/temp-dir';
const TOKEN = `al_${'logs'.repeat(10)}abc`; // "al_" and 43 base64url characters

/** The built service, its stdout kept: the log lines an operator's collector would read. */
describe('structured JSON logs with the correlation id on every line of a request', () => {
  let dataDir: string;
  let child: ChildProcess | undefined;
  let stdout = '';
  let url: string;

  beforeAll(async () => {
    dataDir = makeTempDir('logs');
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    const service = spawnService({ NODE_ENV: 'production', LOG_LEVEL: 'info', PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, BOOTSTRAP_ADMIN_TOKEN: TOKEN }, ['ignore', 'pipe', 'ignore']);
    child = service;
    service.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const deadline = Date.now() + 20000;
    for (;;) {
      if (service.exitCode !== null) throw new Error(`service exited with ${service.exitCode}`);
      if (Date.now() > deadline) throw new Error('service did not answer within 20 s');
      if (await fetch(`${url}/health/live`).then((r) => r.ok, () => false)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
  });

  /** SIGTERM, and the promise of its exit: the service flushes its logs as it stops. */
  const stop = async () => {
    const service = child;
    if (!service || service.exitCode !== null || service.signalCode !== null) return;
    await new Promise<void>((resolve) => (service.once('exit', () => resolve()), service.kill('SIGTERM')));
  };
  afterAll(async () => {
    await stop();
    removeDir(dataDir);
  });

  const send = (method: string, route: string, headers: Record<string, string>, body?: object) =>
    fetch(`${url}${route}`, { method, headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json', ...headers }, body: body && JSON.stringify(body) });

  it('given an X-Request-Id, the request is logged as JSON with it as correlationId, the events carry it, and the response echoes it', async () => {
    await send('POST', '/rulebook/versions', {}, defaultRulebook);
    const res = await send('POST', '/employees', { 'X-Request-Id': 'req-logs-42' }, { employeeId: 'E-7', name: 'Li Ming', department: 'repairs', position: 'property-steward' });
    expect(res.status).toBe(201);
    expect(res.headers.get('x-correlation-id')).toBe('req-logs-42');

    await stop();
    const lines = stdout.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.length).toBeGreaterThan(0);
    const mine = lines.filter((l) => l.correlationId === 'req-logs-42');
    expect(mine).toContainEqual(expect.objectContaining({ msg: 'request completed', res: expect.objectContaining({ statusCode: 201 }) }));
    expect(JSON.stringify(mine)).not.toContain(TOKEN);
    const store = new SqliteEventStore({ file: path.join(dataDir, 'events.sqlite') });
    try {
      const hired = (await store.readStream('employee-E-7')).map((e) => e.metadata.correlationId);
      expect(hired.length).toBeGreaterThan(0);
      expect(hired.every((id) => id === 'req-logs-42')).toBe(true);
    } finally {
      await store.close();
    }
  });
});
