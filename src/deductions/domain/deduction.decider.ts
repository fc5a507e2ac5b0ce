import type { Decider } from '../../shared/domain/decider';
import { NotFoundError, assertNever } from '../../shared/domain/domain-error';
import { refuseDeduction } from './deduction.errors';
import { isSameFact } from '../../shared/domain/same-fact';
import type { EmployeeState } from '../../employees/domain/employee.decider';
import { MAX_POINTS_PER_DEDUCTION } from './deduction.commands';
import type { ApplyDeduction, ContestDeduction, DeductionCommand, RecordHearing, RecordHearingBreach, WithdrawDeduction } from './deduction.commands';
import type { DeductionApplied, DeductionEvent, HearingDeadlineBreached } from './deduction.events';
import { assessApplication } from '../../rulebook/domain/assess-application';
import { DEFAULT_APPEAL_WINDOW_DAYS } from '../../rulebook/domain/rulebook.types';
import type { RulebookVersion } from '../../rulebook/domain/rulebook.types';
import { evolveDeduction, initialDeductionState } from './deduction.state';
import type { DeductionState } from './deduction.state';

/**
 * Facts from other streams: the employee as registered and, once a rulebook is published, its
 * versions, the company time zone and the periods already closed.
 */
export interface DeductionContext {
  employee: EmployeeState;
  rulebook?: { versions: readonly RulebookVersion[]; timeZone: string; closedPeriods: readonly string[] };
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Days within which a contest is heard when the rulebook's appeal rules set none (the seeds set no limit). */
export const DEFAULT_HEARING_WITHIN_DAYS = 15;

export const deductionDecider: Decider<DeductionCommand, DeductionEvent, DeductionState, DeductionContext> = {
  initialState: initialDeductionState,
  evolve: evolveDeduction,
  decide(command, state, context) {
    switch (command.type) {
      case 'ApplyDeduction':
        return applyDeduction(command, state, context);
      case 'ContestDeduction':
        return contestDeduction(command, notWithdrawn(state));
      case 'RecordHearing':
        return recordHearing(command, notWithdrawn(state));
      case 'WithdrawDeduction':
        return withdrawDeduction(command, state);
      case 'RecordHearingBreach':
        return recordHearingBreach(command, state);
      default:
        return assertNever(command);
    }
  },
};

function applyDeduction(command: ApplyDeduction, state: DeductionState, { employee, rulebook }: DeductionContext): DeductionEvent[] {
  const { data } = command;
  if (employee.status !== 'registered') {
    throw refuseDeduction('employee_not_registered', `employee ${data.employeeId} is not registered`);
  }
  const event = appliedEvent(command, employee.department, employee.position, rulebook);
  if (state.status !== 'unknown') {
    if (isSameFact(state.applied, event.data)) return [];
    throw refuseDeduction('deduction_already_applied', `deduction ${data.deductionId} was already applied with other details`);
  }
  const veto = event.data.assessment?.effect === 'veto';
  if (!veto && !(event.data.points > 0 && event.data.points <= MAX_POINTS_PER_DEDUCTION)) {
    throw refuseDeduction('points_out_of_range', `points must be more than 0 and at most ${MAX_POINTS_PER_DEDUCTION}`);
  }
  if (data.occurredAt > command.now) {
    throw refuseDeduction('occurred_in_future', 'occurredAt lies in the future', { occurredAt: data.occurredAt });
  }
  return [event];
}

/**
 * Until a rulebook is published a deduction is taken as given (the skeleton's behaviour); after,
 * it is checked against the rule in force at occurredAt and carries its assessment.
 */
function appliedEvent(command: ApplyDeduction, department: string, position: string, rulebook: DeductionContext['rulebook']): DeductionApplied {
  const { appliedBy, ...data } = command.data;
  if (!rulebook || rulebook.versions.length === 0) {
    if (data.points === undefined) throw refuseDeduction('points_out_of_range', 'points are required while no rulebook is published');
    return { type: 'DeductionApplied', data: { ...data, points: data.points, department, position } };
  }
  const application = { ruleCode: data.ruleCode, effect: 'deduction' as const, points: data.points, units: data.units, serious: data.serious, occurredAt: data.occurredAt };
  const { points, assessment } = assessApplication(rulebook.versions, position, application, rulebook.timeZone);
  if (rulebook.closedPeriods.includes(assessment.period)) {
    throw refuseDeduction('period_closed', `period ${assessment.period} is closed; a change to it comes only from a hearing`, { period: assessment.period });
  }
  const version = rulebook.versions.find((v) => v.version === assessment.rulebookVersion);
  const appeals = version?.appeals ?? { windowDays: DEFAULT_APPEAL_WINDOW_DAYS };
  return { type: 'DeductionApplied', data: { ...data, points, department, position, ...(appliedBy ? { appliedBy } : {}), assessment: { ...assessment, appeals } } };
}

function contestDeduction(command: ContestDeduction, state: DeductionState): DeductionEvent[] {
  const { data } = command;
  if (state.status === 'unknown') throw new NotFoundError('deduction', data.deductionId);
  if (state.status !== 'applied') {
    if (state.contested.reason === data.reason && state.contested.contestedAt === data.contestedAt) return [];
    throw refuseDeduction('deduction_already_contested', `deduction ${data.deductionId} is already contested`);
  }
  if (data.contestedAt > command.now) {
    throw refuseDeduction('contested_in_future', 'contestedAt lies in the future');
  }
  if (data.contestedAt < state.applied.occurredAt) {
    throw refuseDeduction('contested_before_occurrence', 'contestedAt is earlier than the deduction occurred');
  }
  const assessment = state.applied.assessment;
  if (assessment) {
    const deadline = new Date(Date.parse(state.applied.occurredAt) + assessment.appeals.windowDays * DAY_MS).toISOString();
    if (Date.parse(data.contestedAt) > Date.parse(deadline)) {
      throw refuseDeduction('appeal_window_closed', `a deduction may be contested within ${assessment.appeals.windowDays} days, until ${deadline}`, { deadline });
    }
  }
  const period = assessment ? { period: assessment.period } : {};
  const hearingWithinDays = assessment?.appeals.hearingWithinDays ?? DEFAULT_HEARING_WITHIN_DAYS;
  const hearingDueAt = new Date(Date.parse(data.contestedAt) + hearingWithinDays * DAY_MS).toISOString();
  return [{ type: 'DeductionContested', data: { ...data, employeeId: state.applied.employeeId, deductionOccurredAt: state.applied.occurredAt, ...period, hearingDueAt } }];
}

function recordHearing(command: RecordHearing, state: DeductionState): DeductionEvent[] {
  const { data } = command;
  if (state.status === 'unknown') throw new NotFoundError('deduction', data.deductionId);
  if (state.status === 'applied') {
    throw refuseDeduction('deduction_not_contested', `deduction ${data.deductionId} has not been contested; only a contested deduction is heard`);
  }
  if (state.status === 'heard') {
    throw refuseDeduction('hearing_already_recorded', `a hearing on deduction ${data.deductionId} is already recorded`);
  }
  const { applied, contested } = state;
  checkPanel(data.panel, applied.employeeId);
  if (applied.assessment) checkPanelComposition(data.panel, data.employeeRepresentatives ?? [], applied);
  if (data.heardAt > command.now) throw refuseDeduction('heard_in_future', 'heardAt lies in the future');
  if (data.heardAt < contested.contestedAt) {
    throw refuseDeduction('heard_before_contest', 'heardAt is earlier than the contest');
  }
  return [
    ...lateHearing(state, data.heardAt),
    {
      type: 'HearingRecorded',
      data: {
        deductionId: data.deductionId,
        employeeId: applied.employeeId,
        deductionOccurredAt: applied.occurredAt,
        panel: data.panel,
        outcome: data.outcome,
        originalPoints: applied.points,
        pointsInForce: pointsInForce(data, applied.points),
        reasoning: data.reasoning,
        heardAt: data.heardAt,
        ...(data.employeeRepresentatives ? { employeeRepresentatives: data.employeeRepresentatives } : {}),
        ...(applied.assessment ? { period: applied.assessment.period } : {}),
      },
    },
  ];
}

function checkPanel(panel: string[], employeeId: string): void {
  if (panel.length === 0) throw refuseDeduction('panel_empty', 'a hearing needs at least one panel member');
  if (new Set(panel).size !== panel.length) throw refuseDeduction('panel_member_repeated', 'a panel member is listed twice');
  if (panel.includes(employeeId)) {
    throw refuseDeduction('employee_on_own_panel', 'the contesting employee cannot sit on the panel of their own hearing');
  }
}

/** The rulebook's panel (000:76): its size, a share of employee representatives, none who applied the deduction. */
function checkPanelComposition(panel: string[], representatives: string[], applied: DeductionApplied['data']): void {
  if (applied.appliedBy && panel.includes(applied.appliedBy)) {
    throw refuseDeduction('applier_on_panel', `${applied.appliedBy} applied the deduction and cannot hear it`);
  }
  if (representatives.some((r) => !panel.includes(r))) {
    throw refuseDeduction('representative_not_on_panel', 'every employee representative must be a panel member');
  }
  const policy = applied.assessment?.appeals.panel;
  if (!policy) return;
  if (panel.length < policy.min || panel.length > policy.max) {
    throw refuseDeduction('panel_size_out_of_range', `a panel has ${policy.min} to ${policy.max} members, not ${panel.length}`, { min: policy.min, max: policy.max });
  }
  const needed = Math.ceil(policy.employeeRepresentativeShare * panel.length - 1e-9);
  if (new Set(representatives).size < needed) {
    throw refuseDeduction('too_few_employee_representatives', `a panel of ${panel.length} needs at least ${needed} employee representatives`, { needed });
  }
}

function pointsInForce(data: RecordHearing['data'], original: number): number {
  if (data.outcome !== 'reduced') {
    if (data.newPoints !== undefined) {
      throw refuseDeduction('new_points_not_allowed', `newPoints is only given for a reduced outcome, not for ${data.outcome}`);
    }
    return data.outcome === 'upheld' ? original : 0;
  }
  if (data.newPoints === undefined || !(data.newPoints > 0 && data.newPoints < original)) {
    throw refuseDeduction('reduced_points_out_of_range', `a reduced deduction needs newPoints strictly between 0 and ${original}`, {
      originalPoints: original,
      newPoints: data.newPoints,
    });
  }
  return data.newPoints;
}

function notWithdrawn(state: DeductionState): DeductionState {
  if (state.withdrawn) throw refuseDeduction('deduction_withdrawn', 'the deduction was withdrawn');
  return state;
}

function withdrawDeduction(command: WithdrawDeduction, state: DeductionState): DeductionEvent[] {
  const { data } = command;
  if (state.status === 'unknown') throw new NotFoundError('deduction', data.deductionId);
  if (state.withdrawn) return [];
  if (data.withdrawnAt > command.now) throw refuseDeduction('withdrawn_in_future', 'withdrawnAt lies in the future');
  const { employeeId, occurredAt, assessment } = state.applied;
  const period = assessment ? { period: assessment.period } : {};
  return [...lateHearing(state, data.withdrawnAt), { type: 'DeductionWithdrawn', data: { ...data, employeeId, deductionOccurredAt: occurredAt, ...period } }];
}

/** The appeal clock's breach, when a contest waits unheard past its due time and none is recorded yet. */
function lateHearing(state: DeductionState, at: string): HearingDeadlineBreached[] {
  if (state.status !== 'contested' || state.withdrawn || state.hearingBreached) return [];
  const dueAt = state.contested.hearingDueAt;
  if (dueAt === undefined || !(Date.parse(at) > Date.parse(dueAt))) return [];
  const { deductionId, employeeId, deductionOccurredAt, contestedAt } = state.contested;
  return [{ type: 'HearingDeadlineBreached', data: { deductionId, employeeId, deductionOccurredAt, contestedAt, dueAt } }];
}

/** The deadline watcher's command: the hearing of a contest is overdue. Once; nothing once heard or withdrawn. */
function recordHearingBreach(command: RecordHearingBreach, state: DeductionState): DeductionEvent[] {
  const { deductionId } = command.data;
  if (state.status === 'unknown') throw new NotFoundError('deduction', deductionId);
  if (state.status === 'applied' || state.contested.hearingDueAt === undefined) throw refuseDeduction('no_such_clock', `deduction ${deductionId} has no hearing deadline`);
  if (state.status === 'heard' || state.withdrawn || state.hearingBreached) return [];
  if (!(Date.parse(command.now) > Date.parse(state.contested.hearingDueAt))) {
    throw refuseDeduction('deadline_not_passed', `the hearing deadline of deduction ${deductionId} has not passed`);
  }
  return lateHearing(state, command.now);
}
