import type { DomainEvent } from '../../shared/domain/decider';
import { eventTypeList } from '../../shared/domain/decider';
import type { PeriodScore } from '../../rulebook/domain/scoring';
import type { Scheme } from '../../rulebook/domain/rulebook.types';
import type { SignedCheckpoint } from '../../integrity/domain/checkpoint';

export type PeriodOpened = DomainEvent<'PeriodOpened', { companyId: string; period: string; openedAt: string }>;

/**
 * `checkpoint`: the event log's chain head, signed as the close read it (docs/integrity.md); absent
 * on a store that keeps no chain and on closes recorded before the chain existed.
 */
export type PeriodClosed = DomainEvent<
  'PeriodClosed',
  { companyId: string; period: string; closedAt: string; sealedScores: number; unratedEmployeeIds: string[]; checkpoint?: SignedCheckpoint }
>;

/** A department's staff average fell below the rulebook's threshold at a close (004:182). */
export type RollUpPenaltyApplied = DomainEvent<
  'RollUpPenaltyApplied',
  {
    companyId: string;
    period: string;
    employeeId: string;
    department: string;
    position: string;
    role: 'head' | 'staff';
    departmentAverage: number;
    threshold: number;
    /** The employee's own score (staff) or the department average (head) below the threshold. */
    pointsBelow: number;
    points: number;
    closedAt: string;
    scheme: Scheme;
  }
>;

/** The score of one employee for a closed period, as published: the figure an auditor gets forever. */
export type PeriodScoreSealed = DomainEvent<
  'PeriodScoreSealed',
  {
    companyId: string;
    period: string;
    employeeId: string;
    department: string;
    position: string;
    schemeVersion: number;
    score: PeriodScore;
    closedAt: string;
    scheme: Scheme;
  }
>;

export type PeriodEvent = PeriodOpened | PeriodClosed | RollUpPenaltyApplied | PeriodScoreSealed;
export const periodEventTypes = eventTypeList<PeriodEvent['type']>()(['PeriodOpened', 'PeriodClosed', 'RollUpPenaltyApplied', 'PeriodScoreSealed']);
