import type { DomainEvent } from '../../shared/domain/decider';
import { eventTypeList } from '../../shared/domain/decider';
import type { Assessment } from '../../rulebook/domain/assess-application';
import type { AppealPolicy } from '../../rulebook/domain/rulebook.types';

/** How a deduction applied under a published rulebook counts and may be contested, fixed when applied. */
export type DeductionAssessment = Assessment & { appeals: AppealPolicy };

export type DeductionSource =
  | { kind: 'complaint'; complaintId: string }
  | { kind: 'ticket'; ticketId: string }
  /** A missed talk with a penalised employee (001:1239), costing the supervisor. */
  | { kind: 'talkObligation'; obligationId: string };

export type DeductionApplied = DomainEvent<
  'DeductionApplied',
  {
    deductionId: string;
    employeeId: string;
    /** Employee's department and position when the deduction was applied (a snapshot). */
    department: string;
    position: string;
    ruleCode: string;
    points: number;
    occurredAt: string;
    reason: string;
    source?: DeductionSource;
    units?: number;
    serious?: boolean;
    appliedBy?: string;
    /** Absent for deductions applied before any rulebook was published (the skeleton's 100-minus scores). */
    assessment?: DeductionAssessment;
  }
>;

export type DeductionContested = DomainEvent<
  'DeductionContested',
  {
    deductionId: string;
    employeeId: string;
    /** When the contested deduction occurred, so readers can place it without its stream. */
    deductionOccurredAt: string;
    reason: string;
    contestedAt: string;
    /** The assessment period of the deduction, when it was applied under a rulebook. */
    period?: string;
    /** When the hearing is due (the appeal clock); absent on contests recorded before it. */
    hearingDueAt?: string;
  }
>;

/** A contested deduction was not heard by its due time. Recorded once; it costs nobody points (no rule names one). */
export type HearingDeadlineBreached = DomainEvent<
  'HearingDeadlineBreached',
  { deductionId: string; employeeId: string; deductionOccurredAt: string; contestedAt: string; dueAt: string }
>;

export const hearingOutcomes = ['upheld', 'reduced', 'overturned'] as const;
export type HearingOutcome = (typeof hearingOutcomes)[number];

/**
 * The panel's decision on a contested deduction. Carries what a reader needs to apply it
 * without reading the deduction stream: the employee, when the deduction occurred, and the
 * points in force from now on (original for upheld, the new points for reduced, 0 for overturned).
 */
export type HearingRecorded = DomainEvent<
  'HearingRecorded',
  {
    deductionId: string;
    employeeId: string;
    deductionOccurredAt: string;
    panel: string[];
    outcome: HearingOutcome;
    originalPoints: number;
    pointsInForce: number;
    reasoning: string;
    heardAt: string;
    employeeRepresentatives?: string[];
    period?: string;
  }
>;

/**
 * The deduction no longer stands because its cause was overturned (e.g. a complaint verdict
 * reversed): its points are given back. The applied event stays in the record.
 */
export type DeductionWithdrawn = DomainEvent<
  'DeductionWithdrawn',
  {
    deductionId: string;
    employeeId: string;
    deductionOccurredAt: string;
    reason: string;
    withdrawnAt: string;
    /** The assessment period of the deduction, when it was applied under a rulebook. */
    period?: string;
  }
>;

export type DeductionEvent = DeductionApplied | DeductionContested | HearingRecorded | DeductionWithdrawn | HearingDeadlineBreached;
export const deductionEventTypes = eventTypeList<DeductionEvent['type']>()(['DeductionApplied', 'DeductionContested', 'HearingRecorded', 'DeductionWithdrawn', 'HearingDeadlineBreached']);
