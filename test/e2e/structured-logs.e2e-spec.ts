import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { defaultRulebook } from '../../src/rulebook/default-rulebook';
import { SqliteEventStore } from '../../src/shared/event-store/sqlite/sqlite-event-store';
import { freePort } from '../support/service-process';

const MAIN = path.resolve(__dirname, '../../dist/src/main.js');
const TOKEN = `al_${'logs'.repeat(10)}abc`; // "al_" and 43 base64url characters

/** The built service, its stdout kept: the log lines an operator's collector would read. */
describe('structured JSON logs with the correlation id on every line of a request', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-logs-'));
  let child: ChildProcess;
  let stdout = '';
  let url: string;

  beforeAll(async () => {
    if (!fs.existsSync(MAIN)) throw new Error(`${MAIN} is missing: run "npm run build" first (npm test does)`);
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    child = spawn(process.execPath, [MAIN], {
      env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'info', PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, BOOTSTRAP_ADMIN_TOKEN: TOKEN },
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const deadline = Date.now() + 20000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`service exited with ${child.exitCode}`);
      if (Date.now() > deadline) throw new Error('service did not answer within 20 s');
      if (await fetch(`${url}/health/live`).then((r) => r.ok, () => false)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
  });

  afterAll(async () => {
    if (child.exitCode === null && child.signalCode === null) await new Promise<void>((resolve) => (child.once('exit', () => resolve()), child.kill('SIGTERM')));
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const send = (method: string, route: string, headers: Record<string, string>, body?: object) =>
    fetch(`${url}${route}`, { method, headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json', ...headers }, body: body && JSON.stringify(body) });

  it('given an X-Request-Id, the request is logged as JSON with it as correlationId, the events carry it, and the response echoes it', async () => {
    await send('POST', '/rulebook/versions', {}, defaultRulebook);
    const res = await send('POST', '/employees', { 'X-Request-Id': 'req-logs-42' }, { employeeId: 'E-7', name: 'Li Ming', department: 'repairs', position: 'property-steward' });
    expect(res.status).toBe(201);
    expect(res.headers.get('x-correlation-id')).toBe('req-logs-42');

    await new Promise<void>((resolve) => (child.once('exit', () => resolve()), child.kill('SIGTERM')));
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
