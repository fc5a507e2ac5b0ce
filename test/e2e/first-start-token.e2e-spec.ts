import type { ChildProcess } from 'node:child_process';
import { freePort, spawnService } from '../support/service-process';
import { makeTempDir, removeDir } from '../support/temp-dir';

/** The built service on an empty folder: the admin token of the first start is the last thing it prints. */
describe('the first start', () => {
  let dataDir: string;
  let child: ChildProcess | undefined;

  afterAll(async () => {
    const service = child;
    if (service && service.exitCode === null && service.signalCode === null) await new Promise<void>((resolve) => (service.once('exit', () => resolve()), service.kill('SIGTERM')));
    removeDir(dataDir);
  });

  it('prints the admin token last, in a box that says what it is for, and the token works', async () => {
    dataDir = makeTempDir('first-start');
    const port = await freePort();
    const service = spawnService({ NODE_ENV: 'production', LOG_LEVEL: 'info', PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, BOOTSTRAP_ADMIN_TOKEN: '' }, ['ignore', 'pipe', 'ignore']);
    child = service;
    let stdout = '';
    const boxed = new Promise<void>((resolve, reject) => {
      service.stdout!.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        if (/└─+┘/.test(stdout)) resolve();
      });
      service.once('exit', (code) => reject(new Error(`service exited with ${code}:\n${stdout}`)));
    });
    await boxed;
    const token = /│\s+(al_[A-Za-z0-9_-]{43})\s+│/.exec(stdout)?.[1];
    expect(token).toBeDefined();
    expect(stdout).toMatch(/Authorization: Bearer <token>/);
    expect(stdout.indexOf('listening on')).toBeGreaterThan(-1);
    expect(stdout.indexOf('listening on')).toBeLessThan(stdout.indexOf('┌'));
    const res = await fetch(`http://127.0.0.1:${port}/credentials`, { headers: { Authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
  });
});
