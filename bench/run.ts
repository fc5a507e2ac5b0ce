/**
 * `npm run bench [-- --quick] [--only=ceiling,append,http,reads,projections,memory]`: measures the
 * sections side by side in one run and writes bench-results/latest.json and latest.md.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import { join, resolve } from 'node:path';
import { benchAppend } from './append.bench';
import { benchCeiling, Ceiling } from './ceiling.bench';
import { benchHttpCeiling } from './http-ceiling.bench';
import { describeMachine } from './machine';
import { parseOptions } from './options';
import { renderMarkdown } from './report';
import type { BenchResult, Measurement } from './results';
import { benchService } from './service.bench';

const ROOT = resolve(__dirname, '..', '..', '..');

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const options = parseOptions(argv, { outDir: join(ROOT, 'bench-results'), tempRoot: os.tmpdir() });
  const tempDir = mkdtempSync(join(options.tempRoot, 'ledger-bench-'));
  const started = new Date();
  const result: BenchResult = {
    tool: 'assessment-ledger bench',
    mode: options.mode,
    command: ['npm run bench', ...(argv.length > 0 ? ['--', ...argv] : [])].join(' '),
    startedAt: started.toISOString(),
    finishedAt: '',
    durationSeconds: 0,
    machine: describeMachine(tempDir),
    store: { journalMode: 'WAL', synchronous: 'FULL', tempDir },
    sizes: options.sizes,
    sections: options.sections,
    measurements: [],
    failures: [],
  };
  const record = (measurements: Measurement[]) => {
    result.measurements.push(...measurements);
    for (const m of measurements) console.log(`  ${m.id}: ${m.value} ${m.unit}${m.latency ? ` (p50 ${m.latency.p50} ms, p99 ${m.latency.p99} ms)` : ''}`);
  };
  const attempt = async (section: string, run: () => Promise<void>) => {
    console.log(`[bench] ${section} …`);
    try {
      await run();
    } catch (error) {
      console.error(`[bench] ${section} failed:`, error);
      result.failures.push({ section, error: error instanceof Error ? error.message : String(error) });
    }
  };

  let ceiling: Ceiling | undefined;
  try {
    if (options.sections.includes('ceiling') || options.sections.includes('append')) {
      await attempt('ceiling', async () => {
        const out = await benchCeiling(tempDir, options.sizes.throughputSeconds);
        ceiling = out.ceiling;
        if (options.sections.includes('ceiling')) record(out.measurements);
      });
    }
    let frameworkCeiling: number | undefined;
    if (options.sections.includes('ceiling') || options.sections.includes('http')) {
      await attempt('http ceiling', async () => {
        const out = await benchHttpCeiling(options.sizes.httpSeconds);
        frameworkCeiling = out.frameworkRequestsPerSecond;
        record(out.measurements);
      });
    }
    if (options.sections.includes('append')) {
      await attempt('append', async () => record(await benchAppend(tempDir, options.sizes.throughputSeconds, ceiling)));
    }
    if (options.sections.some((s) => s === 'http' || s === 'reads' || s === 'projections' || s === 'memory' || s === 'growth')) {
      mkdirSync(options.outDir, { recursive: true });
      const logFile = join(options.outDir, 'service.log');
      rmSync(logFile, { force: true });
      await attempt('service', () =>
        benchService({ root: ROOT, dataDir: join(tempDir, 'service'), logFile, options, frameworkCeiling, record, fail: (section, error) => result.failures.push({ section, error }) }),
      );
    }
  } finally {
    const finished = new Date();
    result.finishedAt = finished.toISOString();
    result.durationSeconds = (finished.getTime() - started.getTime()) / 1000;
    result.machine.loadAverage.end = Math.round(os.loadavg()[0] * 10) / 10;
    mkdirSync(options.outDir, { recursive: true });
    const markdown = renderMarkdown(result);
    writeFileSync(join(options.outDir, 'latest.json'), JSON.stringify(result, null, 2) + '\n');
    writeFileSync(join(options.outDir, 'latest.md'), markdown);
    console.log('\n' + markdown);
    console.log(`[bench] wrote ${join(options.outDir, 'latest.json')} and latest.md`);
    if (!options.keepData) rmSync(tempDir, { recursive: true, force: true });
    else console.log(`[bench] kept the data in ${tempDir}`);
  }
  if (result.failures.length > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
