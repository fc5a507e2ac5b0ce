import * as fs from 'node:fs';
import * as path from 'node:path';
import request from 'supertest';
import { makeTempDir, removeDir } from '../support/temp-dir';
import { bearer, ManualClock, startTestApp } from '../support/test-app';

const clock = new ManualClock(new Date('2026-03-31T04:00:00.000Z'));
const NO_BOOTSTRAP_TOKEN = { BOOTSTRAP_ADMIN_TOKEN: '' };

async function startPrinting(dataDir: string) {
  const printed: string[] = [];
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => (printed.push(String(chunk)), true));
  try {
    const started = await startTestApp(clock, dataDir, NO_BOOTSTRAP_TOKEN);
    return { ...started, printed: printed.join('') };
  } finally {
    spy.mockRestore();
  }
}

describe('credentials', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = makeTempDir('credentials');
  });
  afterAll(() => removeDir(dataDir));

  it('on a first start with none, issues an admin credential and prints it once; only its hash is stored', async () => {
    const first = await startPrinting(dataDir);
    let token: string | undefined;
    try {
      token = /\b(al_[A-Za-z0-9_-]{43})\b/.exec(first.printed)?.[1];
      expect(token).toBeDefined();
      const http = request(first.app.getHttpServer());
      const list = await http.get('/credentials').set(bearer(token!)).expect(200);
      expect(list.body.credentials).toEqual([expect.objectContaining({ principal: { id: 'admin', roles: ['admin'], departments: [] }, revokedAt: null })]);
      expect(JSON.stringify(list.body)).not.toMatch(/al_|tokenHash/);
    } finally {
      await first.app.close();
    }
    const stored = (fs.readdirSync(dataDir, { recursive: true }) as string[]).map((f) => path.join(dataDir, f)).filter((f) => fs.statSync(f).isFile()).map((f) => fs.readFileSync(f));
    expect(stored.some((bytes) => bytes.includes(Buffer.from(token!)))).toBe(false);

    const second = await startPrinting(dataDir);
    try {
      expect(second.printed).not.toMatch(/al_/);
      await request(second.app.getHttpServer()).get('/credentials').set(bearer(token!)).expect(200);
    } finally {
      await second.app.close();
    }
  });

  it('issues a credential through the admin endpoint, shows its token once, and refuses it once revoked or expired', async () => {
    const { app, adminToken } = await startTestApp(clock);
    try {
      const http = request(app.getHttpServer());
      const admin = bearer(adminToken);
      const issued = await http.post('/credentials').set(admin).set('Idempotency-Key', 'k-1').send({ principalId: 'auditor-1', roles: ['auditor'] }).expect(201);
      expect(issued.body).toEqual({ credentialId: expect.stringMatching(/^cred-/), token: expect.stringMatching(/^al_/), principal: { id: 'auditor-1', roles: ['auditor'], departments: [] }, expiresAt: null });
      // a secret is never kept for an idempotent replay: the same key issues a new credential
      const again = await http.post('/credentials').set(admin).set('Idempotency-Key', 'k-1').send({ principalId: 'auditor-1', roles: ['auditor'] }).expect(201);
      expect(again.body.token).not.toBe(issued.body.token);
      await http.get('/access-log').set(bearer(issued.body.token)).expect(200);
      await http.delete(`/credentials/${issued.body.credentialId}`).set(admin).expect(204);
      const revoked = await http.get('/access-log').set(bearer(issued.body.token)).expect(401);
      expect(revoked.body.code).toBe('unauthenticated');
      expect(revoked.headers['www-authenticate']).toBe('Bearer');
      await http.delete('/credentials/cred-unknown').set(admin).expect(404);

      const expiring = await http.post('/credentials').set(admin).send({ principalId: 'temp', roles: ['auditor'], expiresAt: '2026-03-31T05:00:00Z' }).expect(201);
      await http.get('/access-log').set(bearer(expiring.body.token)).expect(200);
      clock.set('2026-03-31T05:00:00.000Z');
      await http.get('/access-log').set(bearer(expiring.body.token)).expect(401);

      const noDepartments = await http.post('/credentials').set(admin).send({ principalId: 'sup', roles: ['supervisor'] }).expect(422);
      expect(noDepartments.body.code).toBe('departments_missing');
      const noEmployee = await http.post('/credentials').set(admin).send({ principalId: 'emp', roles: ['employee'] }).expect(422);
      expect(noEmployee.body.code).toBe('employee_id_missing');
      await http.post('/credentials').set(admin).send({ principalId: 'x', roles: ['root'] }).expect(400);
    } finally {
      await app.close();
    }
  });
});
