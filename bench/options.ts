import { SECTIONS, Section } from './results';

/** How much work each section does; `--quick` and the full run differ only here. */
export interface BenchSizes {
  /** Seconds each ceiling and append variant runs. */
  throughputSeconds: number;
  /** Seconds each HTTP load run (one endpoint at one concurrency) lasts. */
  httpSeconds: number;
  httpConcurrency: number[];
  employees: number;
  departments: number;
  months: number;
  /** Events in the one employee record that is replayed. */
  recordEvents: number;
  openTickets: number;
  /** Events stored before the read paths and the service are measured. */
  totalEvents: number;
  /** Requests per read path (each timed on its own, one at a time; at most 60 s a path, at least 50). */
  readSamples: number;
}

const QUICK: BenchSizes = {
  throughputSeconds: 3,
  httpSeconds: 5,
  httpConcurrency: [1, 16, 64],
  employees: 2_000,
  departments: 10,
  months: 12,
  recordEvents: 10_000,
  openTickets: 20_000,
  totalEvents: 100_000,
  readSamples: 200,
};

const FULL: BenchSizes = {
  throughputSeconds: 10,
  httpSeconds: 15,
  httpConcurrency: [1, 16, 64],
  employees: 10_000,
  departments: 10,
  months: 12,
  recordEvents: 10_000,
  openTickets: 100_000,
  totalEvents: 1_000_000,
  readSamples: 200,
};

export interface BenchOptions {
  mode: 'quick' | 'full';
  sizes: BenchSizes;
  sections: Section[];
  /** Where latest.json and latest.md are written. */
  outDir: string;
  /** Where the stores' SQLite files go (the same disk for the ceiling and the store). */
  tempRoot: string;
  keepData: boolean;
  /** Write CPU profiles of the service and of each rebuild into `<outDir>/profiles`. */
  profile: boolean;
}

export function parseOptions(argv: string[], defaults: { outDir: string; tempRoot: string }): BenchOptions {
  const flags = new Map<string, string>();
  for (const arg of argv) {
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!match) throw new Error(`unknown argument ${arg}; try --quick, --only=ceiling,append, --out=DIR, --tmp=DIR, --keep-data, --profile`);
    flags.set(match[1], match[2] ?? 'true');
  }
  const known = ['quick', 'only', 'out', 'tmp', 'keep-data', 'profile'];
  const unknown = [...flags.keys()].filter((flag) => !known.includes(flag));
  if (unknown.length > 0) throw new Error(`unknown flag(s): ${unknown.join(', ')}`);
  const mode = flags.get('quick') === 'true' ? 'quick' : 'full';
  return {
    mode,
    sizes: mode === 'quick' ? QUICK : FULL,
    sections: parseSections(flags.get('only')),
    outDir: flags.get('out') ?? defaults.outDir,
    tempRoot: flags.get('tmp') ?? defaults.tempRoot,
    keepData: flags.get('keep-data') === 'true',
    profile: flags.get('profile') === 'true',
  };
}

function parseSections(only: string | undefined): Section[] {
  if (only === undefined) return [...SECTIONS];
  const chosen = only.split(',').map((name) => name.trim());
  const unknown = chosen.filter((name) => !(SECTIONS as readonly string[]).includes(name));
  if (unknown.length > 0) throw new Error(`unknown section(s) ${unknown.join(', ')}; sections: ${SECTIONS.join(', ')}`);
  return SECTIONS.filter((section) => chosen.includes(section));
}
