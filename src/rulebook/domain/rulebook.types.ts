import type { PeriodLength } from '../../periods/domain/calendar/period';
/**
 * A company's rulebook version: how each position is assessed (its scheme) and the catalogue of
 * rules deductions and bonuses are applied under. Plain data, published as an event.
 */

export interface SubCriterion {
  code: string;
  title: string;
  /** Percent of the part; a part's sub-criteria weigh 100 together. */
  weight: number;
}

export interface Part {
  code: string;
  title: string;
  /** The part's standard points: where a deducted part starts and what a full rating earns. */
  max: number;
  /** Share of the normalised total; either every part of a scheme has one or none does. */
  weight?: number;
  /** Points bonuses may lift a part above its max (0 when absent: bonuses only restore). */
  bonusHeadroom?: number;
  /** Rated schemes: the part's rating is the weighted mean of these (each rated 0-100 %). */
  subCriteria?: SubCriterion[];
}

export interface GradeBand {
  grade: string;
  /** Lowest normalised total (0-100) of the band. */
  minTotal: number;
  /** Every part must also reach this percentage of its max (000:102: 80 % for excellent). */
  minPartPercent?: number;
}

export const ticketClocks = ['acknowledgement', 'arrival', 'resolution'] as const;
export const complaintClocks = ['handling', 'callback'] as const;

/** What a fact costs: a rule of the same version, and the points when the rule is a range. */
export interface Consequence {
  rule: string;
  points?: number;
}

/**
 * What the facts the service watches cost a person in this position: a breach of each service
 * clock, a complaint upheld against them (by severity), and — for positions that carry the talk
 * obligation after a penalty (001:1239) — missing the talk. Absent: the fact costs nothing.
 */
export interface Consequences {
  ticketBreach?: Partial<Record<(typeof ticketClocks)[number], Consequence>>;
  complaintBreach?: Partial<Record<(typeof complaintClocks)[number], Consequence>>;
  /** By complaint severity: normal, serious, group. */
  upheldComplaint?: Partial<Record<string, Consequence>>;
  missedTalk?: Consequence;
}

export interface Scheme {
  position: string;
  title: string;
  /** `deducted`: parts start at their max and rules take points; `rated`: the panel rates sub-criteria. */
  assessment: 'deducted' | 'rated';
  period: PeriodLength;
  parts: Part[];
  /** From the best band down; the last band has minTotal 0. */
  grades: GradeBand[];
  consequences?: Consequences;
  source?: string;
}

/** What a per-unit rule counts; `ten-thousand-yuan` is money lost (001:1813: -1 per 10,000 yuan). */
export const ruleUnits = ['day', 'percentage-point', 'occurrence', 'ten-thousand-yuan'] as const;
export type RuleUnit = (typeof ruleUnits)[number];

export type RuleShape =
  | { kind: 'fixed'; points: number }
  | { kind: 'range'; min: number; max: number }
  | { kind: 'per-unit'; unit: RuleUnit; pointsPerUnit: number; target?: number }
  | { kind: 'veto' };

export interface Rule {
  code: string;
  title: string;
  effect: 'deduction' | 'bonus';
  /** Positions the rule applies to; each has a scheme with the rule's part. */
  positions: string[];
  part: string;
  shape: RuleShape;
  /** A stricter variant for serious cases (e.g. 001:17: -2, -5 when it caused a complaint). */
  serious?: { points: number };
  /** Where the rule comes from, `seed:line`. */
  source?: string;
}

export interface AppealPolicy {
  /** Days after the deduction occurred within which it may be contested. */
  windowDays: number;
  /** Panel size and the share of employee representatives (000:76: 5-7, at least a third). */
  panel?: { min: number; max: number; employeeRepresentativeShare: number };
  /**
   * Days (elapsed, from the contest) within which a contested deduction is heard; absent: 15.
   * The seeds set no limit for a hearing (002:506 only says complaints are received).
   */
  hearingWithinDays?: number;
  source?: string;
}

export interface RollUpPolicy {
  /** A department whose average is below this costs its head and its staff below it (004:182). */
  threshold: number;
  pointsPerPointBelow: number;
  /** Positions whose scores roll up (004: the tobacco service positions); absent: every position. */
  positions?: string[];
  source?: string;
}

export interface RulebookVersion {
  version: number;
  /** When the version comes into force (ISO-8601 instant). */
  effectiveFrom: string;
  title: string;
  schemes: Scheme[];
  rules: Rule[];
  appeals?: AppealPolicy;
  rollUp?: RollUpPolicy;
}

/** Appeals when a version sets none. */
export const DEFAULT_APPEAL_WINDOW_DAYS = 15;

/** This service keeps one company's ledger; its rulebook stream is `rulebook-default`. */
export const DEFAULT_COMPANY = 'default';
