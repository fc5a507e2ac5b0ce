/**
 * Section 1b, the HTTP ceiling: what this machine answers at 64 connections when a POST does no
 * work, on a bare node:http server and on the service's framework (NestJS, Express adapter), each
 * in its own process, loaded the way the commands are. The commands' rows are given as a fraction
 * of the framework's figure, as the appends are of raw SQLite's.
 */
import { fork } from 'node:child_process';
import { join } from 'node:path';
import { loadPosts } from './http.bench';
import type { Measurement } from './results';
import { cpuSeconds } from './service';
import { summarize } from './stats';

export const CEILING_CONNECTIONS = 64;

const SERVERS = [
  { kind: 'node', label: 'bare node:http server' },
  { kind: 'nest', label: "the service's framework (NestJS, Express adapter), one controller" },
] as const;

export interface HttpCeiling {
  /** Requests a second the framework answers with no work behind them. */
  frameworkRequestsPerSecond: number;
  measurements: Measurement[];
}

export async function benchHttpCeiling(seconds: number): Promise<HttpCeiling> {
  const measurements: Measurement[] = [];
  let frameworkRequestsPerSecond = Number.NaN;
  for (const { kind, label } of SERVERS) {
    const child = fork(join(__dirname, 'http-ceiling.entry.js'), [kind], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    try {
      const port = await new Promise<number>((resolve, reject) => {
        child.once('message', (message) => resolve((message as { port: number }).port));
        child.once('exit', (code) => reject(new Error(`the ${kind} ceiling server exited with ${code}`)));
      });
      const cpuBefore = cpuSeconds(child.pid!);
      const run = await loadPosts({ url: `http://127.0.0.1:${port}`, path: '/no-work', connections: CEILING_CONNECTIONS, seconds, body: sampleBody });
      const cpuMsPerRequest = ((cpuSeconds(child.pid!) - cpuBefore) * 1000) / Math.max(1, run.ok);
      const rps = Math.round(run.ok / run.seconds);
      if (kind === 'nest') frameworkRequestsPerSecond = rps;
      measurements.push({
        id: `ceiling.http.${kind}`,
        section: 'ceiling',
        label: `HTTP ceiling: ${label}, a POST that does no work, ${CEILING_CONNECTIONS} clients`,
        value: rps,
        unit: 'req/s',
        errors: run.errors,
        latency: summarize(run.latencies),
        notes: `server CPU ${cpuMsPerRequest.toFixed(3)} ms per request; JSON body parsed, 201 with a small JSON answer; the load generator in the bench process, as for the commands`,
        extra: { serverCpuMsPerRequest: Math.round(cpuMsPerRequest * 1000) / 1000 },
      });
    } finally {
      child.kill('SIGKILL');
    }
  }
  return { frameworkRequestsPerSecond, measurements };
}

let counter = 0;
/** A body the size and shape of a deduction's. */
function sampleBody(): unknown {
  counter += 1;
  return { deductionId: `D-ceiling-${counter}`, employeeId: 'E-1', ruleCode: 'PS-01', points: 2, occurredAt: new Date().toISOString(), reason: 'valid complaint: hung up on a resident' };
}
