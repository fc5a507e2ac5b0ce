/** Runs the built service (`node dist/src/main.js`) as a child process and watches its memory. */
import Database from 'better-sqlite3';
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { HttpClient } from './http-client';

export interface RunningService {
  pid: number;
  url: string;
  /** Authenticated as the admin registered from BOOTSTRAP_ADMIN_TOKEN on first start. */
  admin: HttpClient;
  logFile: string;
  memory: MemoryWatch;
  adminToken: string;
  stop(): Promise<void>;
}

/** With `profileDir`, the service runs under `node --cpu-prof` and leaves its profile there on stop. */
export async function startService(root: string, dataDir: string, logFile: string, profileDir?: string, timeoutMs = 300_000, env: NodeJS.ProcessEnv = {}): Promise<RunningService> {
  const port = await freePort();
  // a restart on the same data directory must bring the token its first start registered
  const adminToken = env.BOOTSTRAP_ADMIN_TOKEN ?? `al_${randomBytes(32).toString('base64url')}`;
  const log = createWriteStream(logFile, { flags: 'a' });
  // the heap limit `npm start` and the Dockerfile give the service (V8 otherwise grows its heap far past the live data)
  const heap = `--max-old-space-size=${startScriptHeapMb(root)}`;
  const args = profileDir
    ? [heap, '--cpu-prof', `--cpu-prof-dir=${profileDir}`, join(__dirname, 'profiled-service.entry.js')]
    : [heap, join(root, 'dist', 'src', 'main.js')];
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, NODE_ENV: 'production', BOOTSTRAP_ADMIN_TOKEN: adminToken, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  const url = `http://127.0.0.1:${port}`;
  const client = new HttpClient(url, adminToken);
  const memory = new MemoryWatch(child.pid!);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await waitUntilHealthy(client, child, logFile, timeoutMs);
  return {
    pid: child.pid!,
    adminToken,
    url,
    admin: client,
    logFile,
    memory,
    async stop() {
      memory.stop();
      client.close();
      if (child.exitCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
      log.end();
    },
  };
}

async function waitUntilHealthy(client: HttpClient, child: ChildProcess, logFile: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the service exited with code ${child.exitCode}; see ${logFile}:\n${tail(logFile)}`);
    try {
      if ((await client.get('/health')).status === 200) return;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error(`the service did not answer /health within ${timeoutMs} ms; see ${logFile}`);
}

/** Samples the child's resident set every 100 ms; VmHWM is the kernel's own peak. */
export class MemoryWatch {
  private peakSampledKiB = 0;
  private phasePeakKiB = 0;
  private readonly timer: NodeJS.Timeout;
  /** Highest sampled RSS (MB) in each phase named by `endPhase`. */
  readonly phases: Record<string, number> = {};

  constructor(private readonly pid: number) {
    this.timer = setInterval(() => this.sample(), 100);
    this.timer.unref();
  }

  /** Peak resident set in MB (10^6 bytes) since the process started, as the kernel counts it. */
  peakMB(): number {
    return toMB(Math.max(this.status('VmHWM') ?? 0, this.peakSampledKiB));
  }

  currentMB(): number {
    return toMB(this.status('VmRSS') ?? 0);
  }

  /** Closes a phase: records the highest RSS sampled since the previous phase ended. */
  endPhase(name: string): void {
    this.sample();
    this.phases[name] = toMB(this.phasePeakKiB);
    this.phasePeakKiB = 0;
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private sample(): void {
    const rss = this.status('VmRSS');
    if (rss === undefined) return;
    this.peakSampledKiB = Math.max(this.peakSampledKiB, rss);
    this.phasePeakKiB = Math.max(this.phasePeakKiB, rss);
  }

  private status(field: 'VmRSS' | 'VmHWM'): number | undefined {
    try {
      const line = readFileSync(`/proc/${this.pid}/status`, 'utf8').split('\n').find((l) => l.startsWith(`${field}:`));
      return line ? Number(line.split(/\s+/)[1]) : undefined;
    } catch {
      return undefined;
    }
  }
}

/** CPU time (user + system, seconds) the process has used so far. */
export function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return Number.NaN;
  }
}

/** USER_HZ: 100 on Linux for every architecture Node runs on. */
const CLOCK_TICKS = 100;

function toMB(kiB: number): number {
  return Math.round((kiB * 1024) / 1e5) / 10;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function tail(file: string): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-30).join('\n');
  } catch {
    return '';
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The heap limit `npm start` and `npm run demo` serve with (`npm run serve`), so the bench measures the service as it is started. */
function startScriptHeapMb(root: string): number {
  const serve = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.serve;
  const limit = /--max-old-space-size=(\d+)/.exec(serve);
  if (!limit) throw new Error(`npm run serve gives no heap limit: ${serve}`);
  return Number(limit[1]);
}

/**
 * The saga runner's checkpoint (src/policies/sagas/saga-runner.service.ts), set to the head
 * so the service starts as one that has been running all along: otherwise it first replays every
 * seeded event through the sagas (one committed transaction per event) while being measured.
 */
const SAGA_CHECKPOINTS = ['sagas:service-levels'];

export function markSagasCaughtUp(eventsFile: string, readModelsFile: string): void {
  const events = new Database(eventsFile, { readonly: true });
  const head = (events.prepare('SELECT MAX(position) AS head FROM events').get() as { head: number }).head;
  events.close();
  const readModels = new Database(readModelsFile);
  const save = readModels.prepare('INSERT INTO read_checkpoints (name, position) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET position = excluded.position');
  for (const name of SAGA_CHECKPOINTS) save.run(name, head);
  readModels.close();
}

/** The rebuilds leave every checkpoint at the head; wait until the service's projector agrees. */
export async function waitUntilCaughtUp(service: RunningService, timeoutMs = 600_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const health = await service.admin.getJson<{ headPosition: number; projections: Record<string, number> }>('/health');
    const positions = Object.values(health.projections);
    if (positions.length > 0 && positions.every((p) => p >= health.headPosition)) return;
    if (Date.now() > deadline) throw new Error(`projections did not catch up: ${JSON.stringify(health)}`);
    await sleep(250);
  }
}
