import { deciderSpecification } from '../../shared/testing/decider-specification';
import { applied, contested, employee } from '../testing/deduction-facts';
import { deductionDecider } from './deduction.decider';
import type { DeductionApplied, DeductionContested, DeductionEvent, HearingDeadlineBreached } from './deduction.events';
import { evolveDeduction, initialDeductionState } from './deduction.state';
import { refuseDeduction } from './deduction.errors';

/** The appeal clock: a contest is due its hearing within the rulebook's `hearingWithinDays` (default 15 days). */
const spec = deciderSpecification(deductionDecider, refuseDeduction);
const context = { employee };
const breach: HearingDeadlineBreached = {
  type: 'HearingDeadlineBreached',
  data: { deductionId: 'D-1', employeeId: 'E-1', deductionOccurredAt: '2026-03-10T09:00:00.000Z', contestedAt: '2026-03-11T09:00:00.000Z', dueAt: '2026-03-26T09:00:00.000Z' },
};
const watcher = (now: string) => ({ type: 'RecordHearingBreach' as const, data: { deductionId: 'D-1' }, now });
const hearing = (heardAt: string) => ({
  type: 'RecordHearing' as const,
  data: { deductionId: 'D-1', panel: ['P-1', 'P-2', 'P-3'], outcome: 'upheld' as const, reasoning: 'reviewed', heardAt },
  now: '2026-04-30T00:00:00.000Z',
});

describe('the appeal clock', () => {
  it('starts with the contest: the hearing is due 15 days later when the rulebook sets no limit', () => {
    spec.given([applied], context).when({ type: 'ContestDeduction', data: { deductionId: 'D-1', reason: 'not me', contestedAt: '2026-03-11T09:00:00.000Z' }, now: '2026-03-12T00:00:00.000Z' }).then([contested]);
  });

  it('takes the rulebook’s hearingWithinDays when the deduction was assessed under one', () => {
    const assessed = { ...applied, data: { ...applied.data, assessment: { appeals: { windowDays: 15, hearingWithinDays: 5 }, period: '2026-H1' } } } as unknown as DeductionEvent;
    const [event] = deductionDecider.decide({ type: 'ContestDeduction', data: { deductionId: 'D-1', reason: 'not me', contestedAt: '2026-03-11T09:00:00.000Z' }, now: '2026-03-12T00:00:00.000Z' }, evolveDeduction(initialDeductionState, assessed), context);
    expect(event).toMatchObject({ type: 'DeductionContested', data: { hearingDueAt: '2026-03-16T09:00:00.000Z' } });
  });

  it('is breached once when the watcher finds it late, not before', () => {
    spec.given([applied, contested], context).when(watcher('2026-03-26T09:00:00.000Z')).thenThrows('deadline_not_passed');
    spec.given([applied, contested], context).when(watcher('2026-03-26T09:00:00.001Z')).then([breach]);
    spec.given([applied, contested, breach], context).when(watcher('2026-03-27T00:00:00.000Z')).then([]);
  });

  it('is stopped by the hearing: nothing to breach afterwards', () => {
    const [heard] = deductionDecider.decide(hearing('2026-03-20T09:00:00.000Z'), [applied, contested].reduce(evolveDeduction, initialDeductionState), context);
    expect(heard.type).toBe('HearingRecorded');
    spec.given([applied, contested, heard], context).when(watcher('2026-03-30T00:00:00.000Z')).then([]);
  });

  it('a late hearing records the breach itself first, once', () => {
    const events = deductionDecider.decide(hearing('2026-03-28T09:00:00.000Z'), [applied, contested].reduce(evolveDeduction, initialDeductionState), context);
    expect(events.map((e) => e.type)).toEqual(['HearingDeadlineBreached', 'HearingRecorded']);
    const afterWatcher = deductionDecider.decide(hearing('2026-03-28T09:00:00.000Z'), [applied, contested, breach].reduce(evolveDeduction, initialDeductionState), context);
    expect(afterWatcher.map((e) => e.type)).toEqual(['HearingRecorded']);
  });

  it('is stopped by the withdrawal of the deduction', () => {
    const withdrawn: DeductionEvent = {
      type: 'DeductionWithdrawn',
      data: { deductionId: 'D-1', employeeId: 'E-1', deductionOccurredAt: '2026-03-10T09:00:00.000Z', reason: 'verdict reversed', withdrawnAt: '2026-03-15T00:00:00.000Z' },
    };
    spec.given([applied, contested, withdrawn], context).when(watcher('2026-03-30T00:00:00.000Z')).then([]);
  });
});
