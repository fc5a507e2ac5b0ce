/** Renders a run as the markdown table that docs/benchmarks.md carries. */
import { oneLineMachine } from './machine';
import type { BenchResult, Measurement } from './results';

export function renderMarkdown(result: BenchResult): string {
  const lines = [
    `**${result.mode === 'quick' ? 'Quick run' : 'Full run'}**: \`${result.command}\`, started ${result.startedAt}, took ${Math.round(result.durationSeconds)} s.`,
    '',
    `- Machine: ${oneLineMachine(result.machine)}.`,
    `- Stores: journal_mode=${result.store.journalMode}, synchronous=${result.store.synchronous}, files in ${result.store.tempDir}.`,
    `- Sizes: ${describeSizes(result)}.`,
    '- Ratios compare figures measured in the same run (the machine is shared and noisy; absolute figures move between runs, ratios much less).',
    '',
    '| # | measure | result | p50 ms | p99 ms | max ms | vs ceiling | target | met |',
    '|---|---|---|---|---|---|---|---|---|',
    ...result.measurements.filter((m) => m.section !== 'growth').map((m, index) => row(index + 1, m)),
  ];
  const growth = result.measurements.filter((m) => m.section === 'growth');
  if (growth.length > 0) {
    lines.push(
      '',
      'Cost as the work grows: the same work on the seeded log and once the log holds twice the events (and the watcher twice the running clocks).',
      '',
      '| measure | on the seeded log | on twice the log | ratio | target | met |',
      '|---|---|---|---|---|---|',
      ...growth.map(growthRow),
    );
  }
  const notes = result.measurements.filter((m) => m.notes).map((m, i) => `${i === 0 ? '\nNotes:\n' : ''}- ${m.id}: ${m.notes}`);
  lines.push(...notes);
  if (result.failures.length > 0) {
    lines.push('', 'Sections that failed:', ...result.failures.map((f) => `- ${f.section}: ${f.error}`));
  }
  const targets = result.measurements.filter((m) => m.target);
  const met = targets.filter((m) => m.target!.met).length;
  lines.push('', `Targets met: ${met} of ${targets.length}.`);
  return lines.join('\n') + '\n';
}

function row(index: number, m: Measurement): string {
  const latency = m.latency ? [fmt(m.latency.p50), fmt(m.latency.p99), fmt(m.latency.max)] : ['', '', ''];
  const errors = m.errors === undefined ? '' : `, ${m.errors} errors`;
  const ratio = (m.ratios ?? []).map((r) => `${(r.value * 100).toFixed(1)}% of ${r.of}`).join('; ');
  const target = m.target ? m.target.text : '';
  const met = m.target ? (m.target.met ? 'met' : '**missed**') : '';
  return `| ${index} | ${m.label} | ${fmtValue(m.value)} ${m.unit}${errors} | ${latency.join(' | ')} | ${ratio} | ${target} | ${met} |`;
}

function growthRow(m: Measurement): string {
  const { before, after } = m.extra as { before: number; after: number };
  const label = m.label.split(': ')[0];
  return `| ${label} | ${fmt(before)} ms | ${fmt(after)} ms | ${m.value}× | ${m.target?.text ?? ''} | ${m.target ? (m.target.met ? 'met' : '**missed**') : ''} |`;
}

function describeSizes({ sizes, sections }: BenchResult): string {
  const parts = [`${sizes.throughputSeconds} s per ceiling/append variant`];
  if (sections.some((s) => s !== 'ceiling' && s !== 'append')) {
    parts.push(
      `${sizes.totalEvents.toLocaleString('en')} events stored`,
      `${sizes.employees.toLocaleString('en')} employees in ${sizes.departments} departments × ${sizes.months} months`,
      `a ${sizes.recordEvents.toLocaleString('en')}-event employee record`,
      `${sizes.openTickets.toLocaleString('en')} open tickets`,
      `${sizes.httpSeconds} s per HTTP run at ${sizes.httpConcurrency.join('/')} clients`,
      `up to ${sizes.readSamples} requests per read path (60 s at most, 50 at least)`,
    );
  }
  return parts.join(', ');
}

function fmt(ms: number): string {
  if (!Number.isFinite(ms)) return '';
  return ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2);
}

function fmtValue(value: number): string {
  return value >= 100 ? Math.round(value).toLocaleString('en') : String(Math.round(value * 100) / 100);
}
