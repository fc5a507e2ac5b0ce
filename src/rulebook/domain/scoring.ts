import type { GradeBand, Part, Scheme } from './rulebook.types';

/**
 * What counts towards a period's score. Callers pass points in force (a deduction reduced by a
 * hearing carries its new points; an overturned one is left out or carries 0).
 */
export type ScoreEntry =
  | { kind: 'points'; id: string; part: string; effect: 'deduction' | 'bonus'; points: number }
  | { kind: 'veto'; id: string; ruleCode: string }
  /** One assessor's (or the panel's) ratings: part → sub-criterion → percent 0-100. */
  | { kind: 'rating'; id: string; ratings: Record<string, Record<string, number>> }
  /** Points off the normalised total, e.g. the department roll-up penalty (004:182). */
  | { kind: 'adjustment'; id: string; points: number };

export interface PartScore {
  code: string;
  points: number;
  max: number;
  /** points / max × 100, one decimal. */
  percent: number;
}

export interface PeriodScore {
  parts: PartScore[];
  /** Sum of the parts' points, and of their maxima. */
  total: number;
  maxTotal: number;
  /** On 100: weighted percents where parts have weights, else total / maxTotal; less adjustments. */
  normalised: number;
  adjustments: number;
  grade: string;
  veto: boolean;
  /** A rated scheme with no rating yet has no meaningful score. */
  rated: boolean;
}

/**
 * The one scoring function: the projection, the replay and the period close all call it. It sums
 * per part (never sequentially), so the order of entries cannot change the result, and clamps each
 * part to [0, max + bonusHeadroom] (扣完为止, 004:110).
 */
export function scorePeriod(scheme: Scheme, entries: readonly ScoreEntry[]): PeriodScore {
  const ratings = entries.filter((e): e is Extract<ScoreEntry, { kind: 'rating' }> => e.kind === 'rating');
  const parts = scheme.parts.map((part) => scorePart(scheme, part, entries, ratings));
  const total = round(sum(parts.map((p) => p.points)), 2);
  const maxTotal = sum(scheme.parts.map((p) => p.max));
  const weighted = scheme.parts.every((p) => p.weight !== undefined);
  const raw = weighted
    ? sum(scheme.parts.map((part, i) => ((part.weight ?? 0) * parts[i].points) / part.max)) / sum(scheme.parts.map((p) => p.weight ?? 0)) * 100
    : (total / maxTotal) * 100;
  const adjustments = sum(entries.map((e) => (e.kind === 'adjustment' ? e.points : 0)));
  const normalised = round(Math.max(0, raw - adjustments), 1);
  const veto = entries.some((e) => e.kind === 'veto');
  return {
    parts: parts.map((p) => ({ ...p, points: round(p.points, 2) })),
    total,
    maxTotal,
    normalised,
    adjustments,
    grade: gradeOf(scheme.grades, normalised, parts, veto),
    veto,
    rated: scheme.assessment === 'deducted' || ratings.length > 0,
  };
}

function scorePart(scheme: Scheme, part: Part, entries: readonly ScoreEntry[], ratings: Extract<ScoreEntry, { kind: 'rating' }>[]): PartScore {
  let base = part.max;
  if (scheme.assessment === 'rated') {
    // Several assessors: the mean of their ratings per sub-criterion.
    const percent = sum(
      (part.subCriteria ?? []).map((sub) => {
        const given = ratings.map((r) => r.ratings[part.code]?.[sub.code]).filter((x): x is number => x !== undefined);
        return given.length === 0 ? 0 : (sub.weight * sum(given)) / given.length / 100;
      }),
    );
    base = (part.max * percent) / 100;
  }
  let delta = 0;
  for (const e of entries) {
    if (e.kind === 'points' && e.part === part.code) delta += e.effect === 'bonus' ? e.points : -e.points;
  }
  const points = Math.min(Math.max(base + delta, 0), part.max + (part.bonusHeadroom ?? 0));
  return { code: part.code, points, max: part.max, percent: round((points / part.max) * 100, 1) };
}

/** The best band whose minimum total and per-part minimum hold; a veto fails the period (001:2027). */
function gradeOf(bands: GradeBand[], normalised: number, parts: PartScore[], veto: boolean): string {
  if (veto) return bands[bands.length - 1].grade;
  const band = bands.find((b) => normalised >= b.minTotal && (b.minPartPercent === undefined || parts.every((p) => (p.points / p.max) * 100 >= b.minPartPercent! - 1e-9)));
  return (band ?? bands[bands.length - 1]).grade;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** Rounds half up at the given decimals, immune to binary noise such as 88.59999999. */
export function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f + 1e-9) / f;
}
