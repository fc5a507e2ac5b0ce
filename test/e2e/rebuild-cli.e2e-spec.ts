import { spawn } from 'node:child_process';
import * as path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { makeTempDir, removeDir } from '../support/temp-dir';
import { ManualClock, operatorAgent, startTestApp } from '../support/test-app';

const CLI = path.resolve(__dirname, '../../bin/cli.js');

/** The built CLI as a child process, to its exit. */
function runCli(args: string[], dataDir: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, DATA_DIR: dataDir, NODE_ENV: 'test' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('rebuilding a read model from the command line', () => {
  let dataDir: string;
  let app: INestApplication | undefined;

  beforeAll(() => {
    dataDir = makeTempDir('rebuild-cli');
  });
  afterAll(async () => {
    await app?.close();
    removeDir(dataDir);
  });

  it('is refused while the service runs on the same files, and rebuilds once it has stopped', async () => {
    const started = await startTestApp(new ManualClock(new Date('2026-03-10T01:00:00.000Z')), dataDir);
    app = started.app;
    const http = await operatorAgent(app, started.tokenFor);
    await http.post('/employees').send({ employeeId: 'E-1', name: 'Li Ming', department: 'repairs', position: 'steward' }).expect(201);

    const refused = await runCli(['rebuild-projection', 'employees'], dataDir);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/refused: DATA_DIR .* is in use by another running instance/);
    expect(refused.stdout).not.toMatch(/rebuilt/);

    await app.close();
    app = undefined;
    const rebuilt = await runCli(['rebuild-projection', 'employees'], dataDir);
    expect(rebuilt.stderr).toBe('');
    expect(rebuilt.code).toBe(0);
    expect(rebuilt.stdout).toMatch(/rebuilt employees v1 from \d+ events/);
  });

  it('names the tools it runs when asked for another', async () => {
    const wrong = await runCli(['compile-everything'], dataDir);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/usage: node bin\/cli\.js <credentials \| load-rulebook \| rebuild-projection/);
  });
});
