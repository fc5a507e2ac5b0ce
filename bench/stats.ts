/** Latency samples in milliseconds, summarised the same way by every section. */
export interface LatencySummary {
  count: number;
  p50: number;
  p99: number;
  max: number;
  mean: number;
}

/** Monotonic clock in milliseconds, with sub-millisecond resolution. */
export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** Nearest-rank percentile of an ascending list. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function summarize(samplesMs: readonly number[]): LatencySummary {
  const sorted = Float64Array.from(samplesMs).sort();
  const list = Array.from(sorted);
  const sum = list.reduce((total, value) => total + value, 0);
  return {
    count: list.length,
    p50: round(percentile(list, 50)),
    p99: round(percentile(list, 99)),
    max: round(list.length === 0 ? Number.NaN : list[list.length - 1]),
    mean: round(list.length === 0 ? Number.NaN : sum / list.length),
  };
}

export function round(value: number, digits = 3): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** Runs `operation` over and over until `seconds` have passed; returns the latency of each run. */
export async function repeatFor(seconds: number, operation: (index: number) => Promise<void> | void): Promise<{ latencies: number[]; elapsedMs: number }> {
  const latencies: number[] = [];
  const started = nowMs();
  const deadline = started + seconds * 1000;
  for (let index = 0; nowMs() < deadline; index++) {
    const before = nowMs();
    await operation(index);
    latencies.push(nowMs() - before);
  }
  return { latencies, elapsedMs: nowMs() - started };
}

/** `workers` loops sharing one counter, each running `operation` until `seconds` have passed. */
export async function repeatConcurrentlyFor(
  seconds: number,
  workers: number,
  operation: (index: number) => Promise<void>,
): Promise<{ latencies: number[]; elapsedMs: number }> {
  const latencies: number[] = [];
  const started = nowMs();
  const deadline = started + seconds * 1000;
  let next = 0;
  const worker = async () => {
    while (nowMs() < deadline) {
      const index = next++;
      const before = nowMs();
      await operation(index);
      latencies.push(nowMs() - before);
    }
  };
  await Promise.all(Array.from({ length: workers }, worker));
  return { latencies, elapsedMs: nowMs() - started };
}
