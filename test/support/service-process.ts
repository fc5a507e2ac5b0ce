import { spawn } from 'node:child_process';
import type { ChildProcess, StdioOptions } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { childrenDir } from './test-run';

const MAIN = path.resolve(__dirname, '../../dist/src/main.js');

/**
 * Starts the built service (`npm run build`) as a child process. Until it exits it is registered in
 * the run's folder, so test/global-teardown.ts fails the run if a test leaves it running.
 */
export function spawnService(env: NodeJS.ProcessEnv, stdio: StdioOptions): ChildProcess {
  if (!fs.existsSync(MAIN)) throw new Error(`${MAIN} is missing: run "npm run build" first (npm test does)`);
  const child = spawn(process.execPath, [MAIN], { env: { ...process.env, ...env }, stdio });
  const dir = childrenDir();
  if (dir && child.pid !== undefined) {
    const registration = path.join(dir, String(child.pid));
    const { testPath, currentTestName } = expect.getState();
    fs.writeFileSync(registration, `${path.relative(process.cwd(), testPath ?? '?')}: ${currentTestName ?? '(a hook)'}`);
    child.once('exit', () => fs.rmSync(registration, { force: true }));
  }
  return child;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The built service as a child process on the embedded stores; stop() or kill() it in afterAll. */
export class ServiceProcess {
  private child?: ChildProcess;
  private stderrText = '';
  readonly url: string;

  constructor(
    private readonly dataDir: string,
    private readonly port: number,
    private readonly env: NodeJS.ProcessEnv = {},
  ) {
    this.url = `http://127.0.0.1:${port}`;
  }

  /** Starts the process and waits until it answers /health; a process that does not is killed. */
  async start(): Promise<void> {
    this.child = spawnService({ PORT: String(this.port), HOST: '127.0.0.1', DATA_DIR: this.dataDir, ...this.env }, ['ignore', 'ignore', 'pipe']);
    this.child.stderr?.on('data', (chunk: Buffer) => (this.stderrText = (this.stderrText + chunk.toString()).slice(-20000)));
    try {
      await this.waitUntilHealthy();
    } catch (error) {
      await this.kill();
      throw error;
    }
  }

  /** SIGKILL: no shutdown hook runs, nothing is flushed. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  }

  /** SIGTERM, and SIGKILL if the process has not exited within 15 s (its shutdown bound is 10 s). */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(killer);
  }

  /** What the process wrote to stderr (its last 20,000 characters). */
  get stderr(): string {
    return this.stderrText;
  }

  /** Sends the signal; resolves with the exit code (or signal) once the process has exited. */
  async signal(signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    const child = this.child;
    if (!child || child.exitCode !== null) throw new Error('the service is not running');
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, sig) => resolve({ code, signal: sig })));
    child.kill(signal);
    return exited;
  }

  private async waitUntilHealthy(): Promise<void> {
    const deadline = Date.now() + 20000;
    while (Date.now() < deadline) {
      if (this.child?.exitCode !== null) throw new Error(`service exited with ${this.child?.exitCode}: ${this.stderrText}`);
      try {
        if ((await fetch(`${this.url}/health`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('service did not become healthy within 20 s');
  }
}
