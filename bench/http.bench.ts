/**
 * Section 3, commands over HTTP: apply-deduction and dispatch-ticket at 1, 16 and 64 concurrent
 * clients (autocannon, in the bench process), against the built service. Section 5b, live lag,
 * is sampled during each run.
 */
import autocannon from 'autocannon';
import { randomUUID } from 'node:crypto';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { HttpClient } from './http-client';
import type { LagProbe } from './lag-probe';
import type { Measurement } from './results';
import { nowMs, summarize } from './stats';

const BENCH_EMPLOYEES = 64;
export const BENCH_DEPARTMENT = 'dept-bench';
const RPS_TARGET = 3_000;
const P99_TARGET_MS = 50;
const LAG_P99_TARGET_MS = 100;

interface Endpoint {
  name: string;
  path: string;
  /** The projections that handle the event the command appends (for the lag probe). */
  projections: string[];
  body(n: number, employeeId: string): unknown;
}

const ENDPOINTS: Endpoint[] = [
  {
    name: 'apply-deduction',
    path: '/deductions',
    projections: ['scores', 'audit-trail'],
    body: (n, employeeId) => ({ deductionId: `D-${RUN}-${n}`, employeeId, ruleCode: 'PS-01', points: 2, occurredAt: hourAgo(), reason: 'valid complaint: hung up on a resident' }),
  },
  {
    name: 'dispatch-ticket',
    path: '/tickets',
    projections: ['overdue', 'audit-trail'],
    body: (n, employeeId) => {
      const dispatchedAt = hourAgo();
      return { ticketId: `T-${RUN}-${n}`, kind: 'repair', assigneeId: employeeId, description: 'Water leak in building 3', dispatchedAt, resolveBy: new Date(Date.parse(dispatchedAt) + 8 * 3_600_000).toISOString() };
    },
  },
];

const RUN = randomUUID().slice(0, 8);

export interface HttpBenchInput {
  url: string;
  /** Registers the bench's employees (only the admin role may). */
  admin: HttpClient;
  /** The bench principal's token: clerk, supervisor of every department, auditor, analyst. */
  token: string;
  seconds: number;
  concurrency: number[];
  probeFor(projections: string[]): LagProbe;
  /** CPU seconds the service process has used so far. */
  serviceCpuSeconds(): number;
  /** Employees already in the store: commands are spread over them and the ones registered here. */
  seededEmployeeIds: string[];
  /** The framework's answers a second with no work at 64 connections (section 1b), when measured. */
  frameworkCeiling?: number;
}

export async function benchHttpCommands(input: HttpBenchInput): Promise<Measurement[]> {
  // Spread over every employee, as real traffic is: a score document holds its month's deductions,
  // so piling all commands on a few employees would measure ever-growing documents instead.
  const employees = [...(await registerEmployees(input.admin)), ...input.seededEmployeeIds];
  const measurements: Measurement[] = [];
  const lagAll: number[] = [];
  const lagAt64: number[] = [];
  let lagTimeouts = 0;
  let counter = 0;
  const warmUp = ENDPOINTS[0];
  const post = (endpoint: Endpoint, connections: number, seconds: number, ack?: (position: number) => void) =>
    loadPosts({ url: input.url, path: endpoint.path, token: input.token, connections, seconds, body: () => endpoint.body(counter++, employees[counter % employees.length]), ack });
  await post(warmUp, 16, 1);
  for (const endpoint of ENDPOINTS) {
    for (const connections of input.concurrency) {
      const probe = input.probeFor(endpoint.projections);
      probe.start();
      const cpuBefore = input.serviceCpuSeconds();
      // the load generator's own stalls show up in every latency it reports: measured, and noted
      const loopDelay = monitorEventLoopDelay({ resolution: 10 });
      loopDelay.enable();
      const run = await post(endpoint, connections, input.seconds, (p) => probe.ack(p));
      loopDelay.disable();
      const cpuMsPerRequest = ((input.serviceCpuSeconds() - cpuBefore) * 1000) / Math.max(1, run.ok);
      const firsts = summarize(run.firstLatencies);
      const connecting = `each connection's first answer (accept included; not in the latencies): max ${firsts.max.toFixed(0)} ms over ${firsts.count}`;
      const generatorDelay = `the load generator's event-loop delay p99 ${(loopDelay.percentile(99) / 1e6).toFixed(1)} ms, max ${(loopDelay.max / 1e6).toFixed(1)} ms`;
      await probe.stop();
      probe.close();
      lagAll.push(...probe.samples);
      if (connections === Math.max(...input.concurrency)) lagAt64.push(...probe.samples);
      lagTimeouts += probe.timeouts;
      const latency = summarize(run.latencies);
      const rps = Math.round(run.ok / run.seconds);
      const targeted = connections === 64;
      measurements.push({
        id: `http.${endpoint.name}.c${connections}`,
        section: 'http',
        label: `POST ${endpoint.path} (${endpoint.name}), ${connections} concurrent client${connections === 1 ? '' : 's'}`,
        value: rps,
        unit: 'req/s',
        errors: run.errors,
        latency,
        ...(targeted && input.frameworkCeiling ? { ratios: [{ of: 'the framework answering with no work', value: rps / input.frameworkCeiling }] } : {}),
        target: targeted
          ? { text: `≥ ${RPS_TARGET.toLocaleString('en')} req/s, p99 ≤ ${P99_TARGET_MS} ms, 0 errors`, met: rps >= RPS_TARGET && latency.p99 <= P99_TARGET_MS && run.errors === 0 }
          : { text: '0 errors', met: run.errors === 0 },
        notes: `service CPU ${cpuMsPerRequest.toFixed(2)} ms per request (the projector's share included); ${connecting}; ${generatorDelay}${run.errors > 0 ? `; errors: ${JSON.stringify(run.errorDetail)}` : ''}`,
        extra: { requests: run.ok + run.errors, seconds: Math.round(run.seconds * 10) / 10, serviceCpuMsPerRequest: Math.round(cpuMsPerRequest * 100) / 100 },
      });
    }
  }
  const lagNote = `from the event's recordedAt to its projections' checkpoints (read from read-models.sqlite every 1 ms, in a worker thread of the bench); one sample per 100 ms${lagTimeouts > 0 ? `; ${lagTimeouts} samples not visible within 10 s` : ''}`;
  measurements.push(
    lagMeasurement('projections.lag.all', 'live lag, append → visible in read model, during all HTTP runs', summarize(lagAll), lagNote),
    {
      ...lagMeasurement('projections.lag.c64', `live lag during the ${Math.max(...input.concurrency)}-client runs`, summarize(lagAt64), lagNote),
      target: { text: `p99 ≤ ${LAG_P99_TARGET_MS} ms`, met: lagTimeouts === 0 && summarize(lagAt64).p99 <= LAG_P99_TARGET_MS },
    },
  );
  return measurements;
}

function lagMeasurement(id: string, label: string, latency: ReturnType<typeof summarize>, notes: string): Measurement {
  return { id, section: 'projections', label, value: latency.count, unit: 'samples', latency, notes };
}

async function registerEmployees(client: HttpClient): Promise<string[]> {
  const ids = Array.from({ length: BENCH_EMPLOYEES }, (_, i) => `E-B${RUN}-${i}`);
  for (const employeeId of ids) {
    const response = await client.post('/employees', { employeeId, name: `Bench ${employeeId}`, department: BENCH_DEPARTMENT, position: 'property-steward' });
    if (response.status >= 300) throw new Error(`POST /employees: ${response.status} ${response.body.slice(0, 300)}`);
  }
  return ids;
}

export interface LoadRun {
  ok: number;
  errors: number;
  errorDetail: Record<string, number>;
  /** Every answer after each connection's first: the commands' latency on open connections. */
  latencies: number[];
  /**
   * Each connection's first answer, which also waited for the connection to be accepted: libuv
   * accepts one connection per turn of a busy loop (libuv/libuv#3696), so a burst of 64 new
   * connections into a saturated service waits for up to 64 turns. Reported apart, not dropped.
   */
  firstLatencies: number[];
  seconds: number;
}

export interface PostLoad {
  url: string;
  path: string;
  connections: number;
  seconds: number;
  body(): unknown;
  token?: string;
  /** Called with each 2xx answer's `position`. */
  ack?(position: number): void;
}

/** POSTs a fresh body on every request from `connections` open connections for `seconds`. */
export function loadPosts({ url, path, connections, seconds, body, token, ack }: PostLoad): Promise<LoadRun> {
  const latencies: number[] = [];
  const firstLatencies: number[] = [];
  const answered = new WeakSet<object>();
  const statuses: Record<string, number> = {};
  let ok = 0;
  const started = nowMs();
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections,
        duration: seconds,
        timeout: 10,
        requests: [
          {
            method: 'POST',
            path,
            headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
            setupRequest: (request) => ({ ...request, body: JSON.stringify(body()) }),
            onResponse: (status, responseBody) => {
              if (status >= 200 && status < 300 && ack) ack((JSON.parse(responseBody) as { position: number }).position);
            },
          },
        ],
      },
      (error, result) => {
        if (error) return reject(error);
        const elapsed = (nowMs() - started) / 1000;
        const failures = Object.entries(statuses).filter(([status]) => !status.startsWith('2'));
        const errorDetail: Record<string, number> = Object.fromEntries(failures.map(([s, n]) => [`HTTP ${s}`, n]));
        if (result.errors > 0) errorDetail.connection = result.errors;
        if (result.timeouts > 0) errorDetail.timeouts = result.timeouts;
        const errors = failures.reduce((sum, [, n]) => sum + n, 0) + result.errors;
        resolve({ ok, errors, errorDetail, latencies, firstLatencies, seconds: Math.min(elapsed, result.duration || elapsed) });
      },
    );
    instance.on('response', (client, status, _bytes, responseTime) => {
      statuses[status] = (statuses[status] ?? 0) + 1;
      const first = !answered.has(client);
      answered.add(client);
      if (status >= 200 && status < 300) {
        ok += 1;
        (first ? firstLatencies : latencies).push(responseTime);
      }
    });
  });
}

function hourAgo(): string {
  return new Date(Date.now() - 3_600_000).toISOString();
}
