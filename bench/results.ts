import type { LatencySummary } from './stats';
import type { MachineInfo } from './machine';
import type { BenchSizes } from './options';

export const SECTIONS = ['ceiling', 'append', 'http', 'reads', 'projections', 'memory', 'growth'] as const;
export type Section = (typeof SECTIONS)[number];

export interface Target {
  /** What is required, in words: "≥ 50% of the batched-rows ceiling". */
  text: string;
  met: boolean;
}

export interface Ratio {
  of: string;
  value: number;
}

/** One figure of the run, with what it is compared to. */
export interface Measurement {
  id: string;
  section: Section;
  label: string;
  value: number;
  unit: string;
  latency?: LatencySummary;
  /** The figure as a fraction of ceilings measured in the same run; the first is the target's. */
  ratios?: Ratio[];
  target?: Target;
  errors?: number;
  notes?: string;
  extra?: Record<string, number | string | boolean>;
}

export interface BenchResult {
  tool: 'assessment-ledger bench';
  mode: 'quick' | 'full';
  command: string;
  startedAt: string;
  finishedAt: string;
  durationSeconds: number;
  machine: MachineInfo;
  store: { journalMode: string; synchronous: string; tempDir: string };
  sizes: BenchSizes;
  sections: Section[];
  measurements: Measurement[];
  /** Sections that failed, with the error, so a partial run still writes its file. */
  failures: { section: string; error: string }[];
}
