import { deciderSpecification } from '../../shared/testing/decider-specification';
import { applied, contested, employee } from '../testing/deduction-facts';
import { deductionDecider } from './deduction.decider';
import type { DeductionCommand } from './deduction.commands';
import type { DeductionApplied, DeductionContested, DeductionEvent, HearingDeadlineBreached } from './deduction.events';
import { refuseDeduction } from './deduction.errors';

/** A deduction's steps at their edges: unknown deductions, the exact instants that are still allowed, the appeal clock. */
const spec = deciderSpecification(deductionDecider, refuseDeduction);
const context = { employee };
const now = '2026-04-30T00:00:00.000Z';
const cmd = (type: DeductionCommand['type'], data: object, when = now) => ({ type, data: { deductionId: 'D-1', ...data }, now: when }) as DeductionCommand;
const contest = (contestedAt: string, reason = 'not me') => cmd('ContestDeduction', { reason, contestedAt });
const hearing = (heardAt: string, panel = ['P-1', 'P-2', 'P-3']) => cmd('RecordHearing', { panel, outcome: 'upheld', reasoning: 'reviewed', heardAt });
const withdraw = (withdrawnAt: string) => cmd('WithdrawDeduction', { reason: 'verdict reversed', withdrawnAt });
const decide = (events: DeductionEvent[], command: DeductionCommand) => deductionDecider.decide(command, events.reduce(deductionDecider.evolve, deductionDecider.initialState), context);

describe('a deduction the ledger does not hold', () => {
  it.each<[string, DeductionCommand]>([
    ['contested', contest('2026-03-11T09:00:00.000Z')],
    ['heard', hearing('2026-03-20T09:00:00.000Z')],
    ['withdrawn', withdraw('2026-03-20T09:00:00.000Z')],
    ['found overdue', cmd('RecordHearingBreach', {})],
  ])('is not found when %s', (_how, command) => {
    spec.given([], context).when(command).thenThrows('not_found');
  });
});

describe('a contest', () => {
  it('is the same contest only with the same reason and time', () => {
    spec.given([applied, contested], context).when(contest('2026-03-11T09:00:00.000Z')).then([]);
    spec.given([applied, contested], context).when(contest('2026-03-11T09:00:00.000Z', 'another reason')).thenThrows('deduction_already_contested');
    spec.given([applied, contested], context).when(contest('2026-03-11T10:00:00.000Z')).thenThrows('deduction_already_contested');
  });

  it('may be made up to now and from the very instant of the deduction, not outside', () => {
    spec.given([applied], context).when(contest('2026-04-30T00:00:00.001Z')).thenThrows('contested_in_future');
    spec.given([applied], context).when(contest('2026-03-10T08:59:59.999Z')).thenThrows('contested_before_occurrence');
    expect(decide([applied], contest(now))).toHaveLength(1);
    expect(decide([applied], contest('2026-03-10T09:00:00.000Z'))).toHaveLength(1);
  });
});

describe('a hearing', () => {
  it('may be recorded up to now and from the very instant of the contest, not outside', () => {
    spec.given([applied, contested], context).when(hearing('2026-04-30T00:00:00.001Z')).thenThrows('heard_in_future');
    spec.given([applied, contested], context).when(hearing('2026-03-11T08:59:59.999Z')).thenThrows('heard_before_contest');
    expect(decide([applied, contested], hearing(now)).at(-1)?.type).toBe('HearingRecorded');
    expect(decide([applied, contested], hearing('2026-03-11T09:00:00.000Z')).at(-1)?.type).toBe('HearingRecorded');
  });

  it('needs a panel, each member once', () => {
    spec.given([applied, contested], context).when(hearing('2026-03-20T09:00:00.000Z', [])).thenThrows('panel_empty');
    spec.given([applied, contested], context).when(hearing('2026-03-20T09:00:00.000Z', ['P-1', 'P-1'])).thenThrows('panel_member_repeated');
  });

  it('records the breach of the appeal clock it comes after, once, and none at the deadline itself', () => {
    const late = decide([applied, contested], hearing('2026-03-27T09:00:00.000Z'));
    expect(late.map((e) => e.type)).toEqual(['HearingDeadlineBreached', 'HearingRecorded']);
    expect(decide([applied, contested], hearing('2026-03-26T09:00:00.000Z')).map((e) => e.type)).toEqual(['HearingRecorded']);
    const breached = late[0] as HearingDeadlineBreached;
    expect(decide([applied, contested, breached], hearing('2026-03-27T09:00:00.000Z')).map((e) => e.type)).toEqual(['HearingRecorded']);
  });
});

describe('a withdrawal', () => {
  it('may be dated up to now, and is recorded once', () => {
    spec.given([applied], context).when(withdraw('2026-04-30T00:00:00.001Z')).thenThrows('withdrawn_in_future');
    const [event] = decide([applied], withdraw(now));
    expect(event).toEqual({ type: 'DeductionWithdrawn', data: { deductionId: 'D-1', reason: 'verdict reversed', withdrawnAt: now, employeeId: 'E-1', deductionOccurredAt: '2026-03-10T09:00:00.000Z' } });
    spec.given([applied, event], context).when(withdraw(now)).then([]);
  });

  it('carries the period of a deduction assessed under the rulebook', () => {
    const assessed = { ...applied, data: { ...applied.data, assessment: { period: '2026-03', appeals: { windowDays: 15 } } } } as unknown as DeductionEvent;
    expect(decide([assessed], withdraw(now))[0].data).toMatchObject({ period: '2026-03' });
  });

  it('of a contest waiting past its hearing deadline records that breach first', () => {
    expect(decide([applied, contested], withdraw('2026-03-27T09:00:00.000Z')).map((e) => e.type)).toEqual(['HearingDeadlineBreached', 'DeductionWithdrawn']);
  });
});

describe('the hearing clock found overdue', () => {
  it('has no clock before a contest, nor for a contest recorded before hearings had a deadline', () => {
    spec.given([applied], context).when(cmd('RecordHearingBreach', {})).thenThrows('no_such_clock');
    const untimed = { ...contested, data: { ...contested.data, hearingDueAt: undefined } } as unknown as DeductionEvent;
    spec.given([applied, untimed], context).when(cmd('RecordHearingBreach', {})).thenThrows('no_such_clock');
  });

  it('records nothing once heard, withdrawn or already breached', () => {
    const heard = decide([applied, contested], hearing('2026-03-20T09:00:00.000Z'));
    spec.given([applied, contested, ...heard], context).when(cmd('RecordHearingBreach', {})).then([]);
    const withdrawn = decide([applied, contested], withdraw('2026-03-20T09:00:00.000Z'));
    spec.given([applied, contested, ...withdrawn], context).when(cmd('RecordHearingBreach', {})).then([]);
    const [breach] = decide([applied, contested], cmd('RecordHearingBreach', {}));
    spec.given([applied, contested, breach], context).when(cmd('RecordHearingBreach', {})).then([]);
  });
});
