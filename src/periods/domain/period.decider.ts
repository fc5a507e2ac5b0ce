import type { SignedCheckpoint } from '../../integrity/domain/checkpoint';
import type { Decider } from '../../shared/domain/decider';
import { assertNever } from '../../shared/domain/domain-error';
import { refusePeriod } from './period.errors';
import { round, scorePeriod } from '../../rulebook/domain/scoring';
import type { ScoreEntry } from '../../rulebook/domain/scoring';
import type { RollUpPolicy, Scheme } from '../../rulebook/domain/rulebook.types';
import { periodBounds } from './calendar/period';
import type { PeriodEvent, RollUpPenaltyApplied } from './period.events';

/** Instants compare as strings only in one form: UTC `toISOString()`. */
const toIso = (instant: string) => new Date(instant).toISOString();

export interface OpenPeriod {
  type: 'OpenPeriod';
  data: { companyId: string; period: string; openedAt: string };
  now: string;
}
export interface ClosePeriod {
  type: 'ClosePeriod';
  data: { companyId: string; period: string; closedAt: string; departmentHeads?: Record<string, string> };
  now: string;
}
export type PeriodCommand = OpenPeriod | ClosePeriod;

/** One employee's period as the event store holds it at the close. */
export interface EmployeePeriod {
  employeeId: string;
  department: string;
  position: string;
  scheme: Scheme;
  schemeVersion: number;
  entries: ScoreEntry[];
}
export interface PeriodContext {
  employees: EmployeePeriod[];
  rollUp?: RollUpPolicy;
  /** The company's time zone, in which a period begins and ends. */
  timeZone: string;
  /** For a close: the log's chain head signed after the close read its facts; the seal records it. */
  checkpoint?: SignedCheckpoint;
}

/** Every period of the company: the `periods-<companyId>` stream. */
export interface PeriodsState {
  periods: Record<string, 'open' | 'closed'>;
}

export const periodDecider: Decider<PeriodCommand, PeriodEvent, PeriodsState, PeriodContext> = {
  initialState: { periods: {} },
  evolve(state, event) {
    switch (event.type) {
      case 'PeriodOpened':
        return { periods: { ...state.periods, [event.data.period]: 'open' } };
      case 'PeriodClosed':
        return { periods: { ...state.periods, [event.data.period]: 'closed' } };
      case 'RollUpPenaltyApplied':
      case 'PeriodScoreSealed':
        return state;
      default:
        return assertNever(event);
    }
  },
  decide(command, state, context) {
    const status = state.periods[command.data.period];
    switch (command.type) {
      case 'OpenPeriod': {
        if (status === 'open') return [];
        if (status === 'closed') throw refusePeriod('period_closed', `period ${command.data.period} is already closed`);
        const { start } = periodBounds(command.data.period, context.timeZone);
        const openedAt = toIso(command.data.openedAt);
        if (openedAt > command.now) throw refusePeriod('opened_in_future', 'openedAt lies in the future', { path: 'openedAt' });
        if (openedAt < start) throw refusePeriod('period_not_begun', `period ${command.data.period} begins at ${start}: it may be opened only once it has begun`, { path: 'openedAt', begins: start });
        return [{ type: 'PeriodOpened', data: command.data }];
      }
      case 'ClosePeriod': {
        if (status === 'closed') return [];
        if (status !== 'open') throw refusePeriod('period_not_open', `period ${command.data.period} was never opened`, { path: 'period' });
        const closedAt = toIso(command.data.closedAt);
        if (closedAt > command.now) throw refusePeriod('closed_in_future', 'closedAt lies in the future', { path: 'closedAt' });
        const { end } = periodBounds(command.data.period, context.timeZone);
        if (closedAt < end) throw refusePeriod('period_not_ended', `period ${command.data.period} ends at ${end}: it may be closed only after it has ended`, { path: 'closedAt', ends: end });
        return closePeriod(command, context);
      }
      default:
        return assertNever(command);
    }
  },
};

/**
 * Seals every score of the period. Where the rulebook sets a roll-up (004:182), a department whose
 * average is below the threshold costs its head that many points times the rate, and each staff
 * member below the threshold their own shortfall times the rate; the sealed scores include it.
 */
function closePeriod(command: ClosePeriod, { employees, rollUp, checkpoint }: PeriodContext): PeriodEvent[] {
  const { companyId, period, closedAt, departmentHeads = {} } = command.data;
  const scored = employees.map((e) => ({ ...e, score: scorePeriod(e.scheme, e.entries) }));
  const unrated = scored.filter((e) => !e.score.rated).map((e) => e.employeeId);
  const rated = scored.filter((e) => e.score.rated);
  const penalties: RollUpPenaltyApplied[] = [];
  if (rollUp) {
    const rolling = rated.filter((e) => !rollUp.positions || rollUp.positions.includes(e.position));
    for (const department of [...new Set(rolling.map((e) => e.department))].sort()) {
      const staff = rolling.filter((e) => e.department === department);
      const average = round(staff.reduce((s, e) => s + e.score.normalised, 0) / staff.length, 2);
      if (average >= rollUp.threshold) continue;
      const penalise = (e: EmployeePeriod, role: 'head' | 'staff', below: number) =>
        penalties.push({
          type: 'RollUpPenaltyApplied',
          data: { companyId, period, employeeId: e.employeeId, department, position: e.position, role, departmentAverage: average, threshold: rollUp.threshold, pointsBelow: round(below, 2), points: round(below * rollUp.pointsPerPointBelow, 2), closedAt, scheme: e.scheme },
        });
      const head = rated.find((e) => e.employeeId === departmentHeads[department]);
      if (head) penalise(head, 'head', rollUp.threshold - average);
      for (const e of staff) if (e.employeeId !== head?.employeeId && e.score.normalised < rollUp.threshold) penalise(e, 'staff', rollUp.threshold - e.score.normalised);
    }
  }
  const sealed: PeriodEvent[] = rated.map((e) => {
    const adjustments: ScoreEntry[] = penalties
      .filter((p) => p.data.employeeId === e.employeeId)
      .map((p) => ({ kind: 'adjustment', id: `roll-up:${period}:${p.data.role}`, points: p.data.points }));
    return {
      type: 'PeriodScoreSealed',
      data: { companyId, period, employeeId: e.employeeId, department: e.department, position: e.position, schemeVersion: e.schemeVersion, score: scorePeriod(e.scheme, [...e.entries, ...adjustments]), closedAt, scheme: e.scheme },
    };
  });
  const closed: PeriodEvent = { type: 'PeriodClosed', data: { companyId, period, closedAt, sealedScores: sealed.length, unratedEmployeeIds: unrated, ...(checkpoint && { checkpoint }) } };
  return [closed, ...penalties, ...sealed];
}
