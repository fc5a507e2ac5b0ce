import type { DeductionSource, HearingOutcome } from './deduction.events';

export interface ApplyDeduction {
  type: 'ApplyDeduction';
  data: {
    deductionId: string;
    employeeId: string;
    ruleCode: string;
    points: number;
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
  };
  now: string;
}

export interface WithdrawDeduction {
  type: 'WithdrawDeduction';
  data: { deductionId: string; reason: string; withdrawnAt: string };
  now: string;
}

export type DeductionCommand = ApplyDeduction | ContestDeduction | RecordHearing | WithdrawDeduction;

/** The most points one deduction may take: the whole 100-point scale. */
export const MAX_POINTS_PER_DEDUCTION = 100;
