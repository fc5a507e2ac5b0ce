import type { DeductionSource, HearingOutcome } from './deduction.events';

export interface ApplyDeduction {
  type: 'ApplyDeduction';
  data: {
    deductionId: string;
    employeeId: string;
    ruleCode: string;
    /** Required until a rulebook is published; then optional where the rule fixes the points. */
    points?: number;
    /** Units for a per-unit rule (days late, percentage points below target). */
    units?: number;
    /** The rule's stricter variant for serious cases. */
    serious?: boolean;
    /** Who applies it (from the request's actor); may not sit on a hearing of it. */
    appliedBy?: string;
    occurredAt: string;
    reason: string;
    source?: DeductionSource;
  };
  now: string;
}

export interface ContestDeduction {
  type: 'ContestDeduction';
  data: { deductionId: string; reason: string; contestedAt: string };
  now: string;
}

export interface RecordHearing {
  type: 'RecordHearing';
  data: {
    deductionId: string;
    panel: string[];
    outcome: HearingOutcome;
    /** Only for `reduced`: the points in force after the hearing. */
    newPoints?: number;
    reasoning: string;
    heardAt: string;
    /** Panel members who are employee representatives (000:76: at least a third). */
    employeeRepresentatives?: string[];
  };
  now: string;
}

export interface WithdrawDeduction {
  type: 'WithdrawDeduction';
  data: { deductionId: string; reason: string; withdrawnAt: string };
  now: string;
}

/** The deadline watcher's command: record that a contested deduction was not heard in time. */
export interface RecordHearingBreach {
  type: 'RecordHearingBreach';
  data: { deductionId: string };
  now: string;
}

export type DeductionCommand = ApplyDeduction | ContestDeduction | RecordHearing | WithdrawDeduction | RecordHearingBreach;

/** The most points one deduction may take: the whole 100-point scale. */
export const MAX_POINTS_PER_DEDUCTION = 100;
