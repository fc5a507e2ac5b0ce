import * as http from 'node:http';
import * as path from 'node:path';
import { defaultRulebook } from '../../src/rulebook/default-rulebook';
import { SqliteEventStore } from '../../src/shared/event-store/sqlite/sqlite-event-store';
import { freePort, ServiceProcess } from '../support/service-process';
import { makeTempDir, removeDir } from '../support/temp-dir';
import { TEST_ADMIN_TOKEN } from '../support/test-app';

type Outcome = { deductionId: string; status?: number; code?: string; error?: string };

/** One POST on the keep-alive agent; a transport error is an outcome too, not a throw. */
function post(agent: http.Agent, url: string, token: string, body: object): Promise<{ status?: number; json?: { code?: string }; error?: string }> {
  return new Promise((resolve) => {
    const payload = JSON.stringify(body);
    const req = http.request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), authorization: `Bearer ${token}` } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode, json: text ? JSON.parse(text) : undefined }));
      res.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
    });
    req.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
    req.end(payload);
  });
}

/**
 * SIGTERM while 32 clients post commands over keep-alive connections: the process exits within its
 * bound (SHUTDOWN_TIMEOUT_MS, 10 s by default), every request is answered or cleanly refused, and
 * every command answered 2xx is in the store after a restart.
 */
describe('SIGTERM under keep-alive load (real process)', () => {
  let dataDir: string;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 32 });
  let service: ServiceProcess | undefined;

  beforeAll(() => {
    dataDir = makeTempDir('sigterm');
  });
  afterAll(async () => {
    agent.destroy();
    await service?.stop();
    removeDir(dataDir);
  });

  it('exits within the bound, resets no accepted request, and keeps every acknowledged command', async () => {
    const port = await freePort();
    service = new ServiceProcess(dataDir, port, { BOOTSTRAP_ADMIN_TOKEN: TEST_ADMIN_TOKEN });
    await service.start();
    const url = service.url;
    const admin = (route: string, body: object) => post(agent, `${url}${route}`, TEST_ADMIN_TOKEN, body);
    expect([200, 201]).toContain((await admin('/rulebook/versions', defaultRulebook)).status);
    expect((await admin('/employees', { employeeId: 'E-1', name: 'Wang Wu', department: 'repairs', position: 'property-steward' })).status).toBe(201);
    const issued = await new Promise<string>((resolve, reject) => {
      const payload = JSON.stringify({ principalId: 'sigterm-test', roles: ['supervisor'], departments: ['repairs'] });
      const req = http.request(`${url}/credentials`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_ADMIN_TOKEN}` } }, (res) => {
        let text = '';
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => (res.statusCode === 201 ? resolve((JSON.parse(text) as { token: string }).token) : reject(new Error(text))));
      });
      req.end(payload);
    });

    const outcomes: Outcome[] = [];
    let acknowledged = 0;
    const answeredClients = new Set<number>();
    let signalled: (() => void) | undefined;
    const enoughLoad = new Promise<void>((resolve) => (signalled = resolve));
    let refused = false;
    const client = async (clientId: number) => {
      for (let n = 0; !refused || n === 0; n++) {
        const deductionId = `D-${clientId}-${n}`;
        const res = await post(agent, `${url}/deductions`, issued, { deductionId, employeeId: 'E-1', ruleCode: 'PS-01', occurredAt: '2026-03-10T10:00:00+08:00', reason: 'late report' });
        outcomes.push({ deductionId, status: res.status, code: res.json?.code, error: res.error });
        if (res.status === 201) {
          acknowledged++;
          answeredClients.add(clientId);
          // signal once all 32 keep-alive connections are established and busy
          if (acknowledged >= 300 && answeredClients.size === 32) signalled?.();
        }
        // a clean refusal (503 shutting_down, or the listener gone) ends this client
        if (res.status === 503 || res.error === 'ECONNREFUSED') return;
        if (res.error) return;
      }
    };
    const clients = Promise.all(Array.from({ length: 32 }, (_, id) => client(id)));
    await enoughLoad;
    const signalledAt = Date.now();
    const exit = await service.signal('SIGTERM');
    const exitedAfterMs = Date.now() - signalledAt;
    refused = true;
    await clients;

    expect(exit.code).toBe(0);
    expect(exitedAfterMs).toBeLessThan(10_000);
    const answered = outcomes.filter((o) => o.status !== undefined);
    const transportErrors = outcomes.filter((o) => o.error !== undefined);
    // every answer is a success or a clean refusal, never a 500
    expect(answered.filter((o) => o.status !== 201 && !(o.status === 503 && o.code === 'shutting_down'))).toEqual([]);
    // after the signal the listener is gone: a new connection is refused; no connection was reset
    expect(transportErrors.filter((o) => o.error !== 'ECONNREFUSED')).toEqual([]);

    // the restart finds every acknowledged command, and nothing refused was recorded
    await service.start();
    await service.stop();
    const store = new SqliteEventStore({ file: path.join(dataDir, 'events.sqlite') });
    try {
      for (const o of outcomes) {
        const stored = await store.readStream(`deduction-${o.deductionId}`);
        expect({ deductionId: o.deductionId, stored: stored.length }).toEqual({ deductionId: o.deductionId, stored: o.status === 201 ? 1 : 0 });
      }
    } finally {
      await store.close();
    }
    // eslint-disable-next-line no-console
    console.log(`SIGTERM after ${acknowledged} acknowledged: exit ${exit.code} in ${exitedAfterMs} ms; ${answered.filter((o) => o.status === 201).length} answered 201, ${answered.filter((o) => o.status === 503).length} refused 503, ${transportErrors.length} refused connections`);
  }, 90_000);
});
