import type { DomainEvent } from '../../shared/domain/decider';
import { selectedTypes } from '../../shared/domain/decider';
import type { DeductionEvent } from '../../deductions/domain/deduction.events';
import type { AssessmentEvent } from '../../assessments/domain/assessment.events';
import { scorePeriod } from '../../rulebook/domain/scoring';
import type { PeriodScore, ScoreEntry } from '../../rulebook/domain/scoring';
import type { Scheme } from '../../rulebook/domain/rulebook.types';
import type { PeriodEvent } from './period.events';

export type ItemStatus = 'applied' | 'contested' | 'upheld' | 'reduced' | 'overturned';

/** One thing that counts in an employee's period, as the events tell it. */
export interface PeriodItem {
  kind: 'deduction' | 'veto' | 'bonus' | 'survey' | 'rating' | 'roll-up';
  ruleCode?: string;
  part?: string;
  points: number;
  status: ItemStatus;
  occurredAt: string;
  ratings?: Record<string, Record<string, number>>;
}

/**
 * An employee's assessment period folded from events: what the projection stores, what the replay
 * and the period close compute. The score is always `scorePeriod(scheme, entries)`.
 */
export interface PeriodRecord {
  employeeId: string;
  period: string;
  department: string;
  position: string;
  schemeVersion: number;
  scheme: Scheme;
  items: Record<string, PeriodItem>;
  score: PeriodScore;
  openAppeals: number;
  /** The score published when the period closed, never changed afterwards. */
  sealed: { score: PeriodScore; closedAt: string } | null;
  /** Changes that reached the period after it was sealed (a hearing in May on a March deduction). */
  corrections: { itemId: string; outcome: string; pointsInForce: number; heardAt: string }[];
}

export type PeriodRelevantEvent = DeductionEvent | AssessmentEvent | PeriodEvent;
export const periodRecordEventTypes = selectedTypes<PeriodRelevantEvent['type']>()({
  DeductionApplied: true, DeductionContested: true, HearingRecorded: true, DeductionWithdrawn: true, HearingDeadlineBreached: false,
  BonusAwarded: true, RatingsRecorded: true, SurveyResultRecorded: true,
  PeriodOpened: false, PeriodClosed: false, RollUpPenaltyApplied: true, PeriodScoreSealed: true,
});

export const periodRecordId = (employeeId: string, period: string) => `${employeeId}:${period}`;

/** The record an event changes; none for events outside the rulebook (the skeleton's deductions). */
export function periodRecordIdOf(event: DomainEvent<string, unknown>): string | undefined {
  const e = event as PeriodRelevantEvent;
  switch (e.type) {
    case 'DeductionApplied':
      return e.data.assessment && periodRecordId(e.data.employeeId, e.data.assessment.period);
    case 'DeductionContested':
    case 'HearingRecorded':
    case 'DeductionWithdrawn':
      return e.data.period && periodRecordId(e.data.employeeId, e.data.period);
    case 'BonusAwarded':
    case 'SurveyResultRecorded':
      return periodRecordId(e.data.employeeId, e.data.assessment.period);
    case 'RatingsRecorded':
    case 'RollUpPenaltyApplied':
    case 'PeriodScoreSealed':
      return periodRecordId(e.data.employeeId, e.data.period);
    default:
      return undefined;
  }
}

export function evolvePeriodRecord(record: PeriodRecord | null, event: DomainEvent<string, unknown>): PeriodRecord | null {
  const e = event as PeriodRelevantEvent;
  switch (e.type) {
    case 'DeductionApplied': {
      const a = e.data.assessment;
      if (!a) return record;
      const item: PeriodItem = { kind: a.effect === 'veto' ? 'veto' : 'deduction', ruleCode: e.data.ruleCode, part: a.part, points: e.data.points, status: 'applied', occurredAt: e.data.occurredAt };
      return withItem(record ?? emptyPeriodRecord(e.data, a.period, a.schemeVersion, a.scheme), `deduction:${e.data.deductionId}`, item);
    }
    case 'BonusAwarded': {
      const a = e.data.assessment;
      const item: PeriodItem = { kind: 'bonus', ruleCode: e.data.ruleCode, part: a.part, points: e.data.points, status: 'applied', occurredAt: e.data.occurredAt };
      return withItem(record ?? emptyPeriodRecord(e.data, a.period, a.schemeVersion, a.scheme), `bonus:${e.data.bonusId}`, item);
    }
    case 'SurveyResultRecorded': {
      const a = e.data.assessment;
      // one survey result per employee, rule and period (004:150): a later survey corrects the earlier
      const itemId = `survey:${e.data.ruleCode}:${e.data.period}`;
      const current = record?.items[itemId];
      if (current && Date.parse(current.occurredAt) > Date.parse(e.data.surveyedAt)) return record;
      const item: PeriodItem = { kind: 'survey', ruleCode: e.data.ruleCode, part: a.part, points: e.data.points, status: 'applied', occurredAt: e.data.surveyedAt };
      return withItem(record ?? emptyPeriodRecord(e.data, a.period, a.schemeVersion, a.scheme), itemId, item);
    }
    case 'RatingsRecorded': {
      const a = e.data.assessment;
      const item: PeriodItem = { kind: 'rating', points: 0, status: 'applied', occurredAt: e.data.ratedAt, ratings: e.data.ratings };
      return withItem(record ?? emptyPeriodRecord(e.data, a.period, a.schemeVersion, a.scheme), `rating:${e.data.ratingId}`, item);
    }
    case 'RollUpPenaltyApplied': {
      const item: PeriodItem = { kind: 'roll-up', points: e.data.points, status: 'applied', occurredAt: e.data.closedAt };
      return withItem(record ?? emptyPeriodRecord(e.data, e.data.period, 0, e.data.scheme), `roll-up:${e.data.period}:${e.data.role}`, item);
    }
    case 'DeductionContested':
      return record && changeItem(record, `deduction:${e.data.deductionId}`, (item) => ({ ...item, status: 'contested' }));
    case 'HearingRecorded': {
      if (!record) return record;
      const itemId = `deduction:${e.data.deductionId}`;
      const changed = changeItem(record, itemId, (item) => ({ ...item, points: e.data.pointsInForce, status: e.data.outcome }));
      if (!record.sealed || changed === record) return changed;
      return { ...changed, corrections: [...changed.corrections, { itemId, outcome: e.data.outcome, pointsInForce: e.data.pointsInForce, heardAt: e.data.heardAt }] };
    }
    case 'DeductionWithdrawn':
      // a withdrawn deduction (its cause was reversed) no longer counts, as if overturned
      return record && changeItem(record, `deduction:${e.data.deductionId}`, (item) => ({ ...item, points: 0, status: 'overturned' }));
    case 'PeriodScoreSealed': {
      const base = record ?? emptyPeriodRecord(e.data, e.data.period, e.data.schemeVersion, e.data.scheme);
      return { ...base, sealed: { score: e.data.score, closedAt: e.data.closedAt } };
    }
    default:
      return record;
  }
}

/** What the scoring function counts: points in force; an overturned veto no longer fails the period. */
export function entriesOf(record: Pick<PeriodRecord, 'items'>): ScoreEntry[] {
  return Object.entries(record.items).flatMap(([id, item]): ScoreEntry[] => {
    switch (item.kind) {
      case 'veto':
        return item.status === 'overturned' ? [] : [{ kind: 'veto', id, ruleCode: item.ruleCode ?? '' }];
      case 'rating':
        return [{ kind: 'rating', id, ratings: item.ratings ?? {} }];
      case 'roll-up':
        return [{ kind: 'adjustment', id, points: item.points }];
      case 'bonus':
        return [{ kind: 'points', id, part: item.part ?? '', effect: 'bonus', points: item.points }];
      default:
        return [{ kind: 'points', id, part: item.part ?? '', effect: 'deduction', points: item.points }];
    }
  });
}

/** An employee's period before any fact: full marks under the scheme (a rated scheme: not yet rated). */
export function emptyPeriodRecord(who: { employeeId: string; department: string; position: string }, period: string, schemeVersion: number, scheme: Scheme): PeriodRecord {
  const items = {};
  return { employeeId: who.employeeId, period, department: who.department, position: who.position, schemeVersion, scheme, items, score: scorePeriod(scheme, []), openAppeals: 0, sealed: null, corrections: [] };
}

function withItem(record: PeriodRecord, id: string, item: PeriodItem): PeriodRecord {
  return rescored({ ...record, items: { ...record.items, [id]: item } });
}

function changeItem(record: PeriodRecord, id: string, change: (item: PeriodItem) => PeriodItem): PeriodRecord {
  const item = record.items[id];
  return item ? rescored({ ...record, items: { ...record.items, [id]: change(item) } }) : record;
}

/** Derived figures are recomputed from the items, so an event applied twice cannot count twice. */
function rescored(record: PeriodRecord): PeriodRecord {
  const openAppeals = Object.values(record.items).filter((i) => i.status === 'contested').length;
  return { ...record, score: scorePeriod(record.scheme, entriesOf(record)), openAppeals };
}
