import { deciderSpecification } from '../../shared/testing/decider-specification';
import type { EmployeeState } from '../../employees/domain/employee.decider';
import { defaultRulebook } from '../../rulebook/default-rulebook';
import type { RulebookVersion } from '../../rulebook/domain/rulebook.types';
import { deductionDecider } from './deduction.decider';
import type { DeductionContext } from './deduction.decider';
import type { DeductionApplied, DeductionContested, DeductionEvent } from './deduction.events';
import { refuseDeduction } from './deduction.errors';
import { refuseUnderRulebook } from '../../rulebook/domain/rulebook.errors';

/** Deductions under a published rulebook: the rule in force prices them, closed periods and the appeal rules bind them. */
const spec = deciderSpecification(deductionDecider, refuseDeduction, refuseUnderRulebook);
const now = '2026-04-30T12:00:00.000Z';
const employee: EmployeeState = {
  status: 'registered', employeeId: 'E-1', name: 'Li Ming', department: 'customer-service', position: 'property-steward', registeredAt: '2026-01-01T00:00:00.000Z',
};
const underRulebook = (closedPeriods: string[] = [], versions: RulebookVersion[] = [defaultRulebook]): DeductionContext => ({ employee, rulebook: { versions, timeZone: 'Asia/Shanghai', closedPeriods } });
const apply = (data: Partial<{ points: number; occurredAt: string; appliedBy: string }> = {}) => ({
  type: 'ApplyDeduction' as const,
  data: { deductionId: 'D-1', employeeId: 'E-1', ruleCode: 'PS-07', occurredAt: '2026-03-31T23:30:00+08:00', reason: 'an enquiry left unanswered', appliedBy: 'S-1', ...data },
  now,
});
const appliedUnder = (context = underRulebook()): DeductionApplied => {
  const state = deductionDecider.initialState;
  return deductionDecider.decide(apply(), state, context)[0] as DeductionApplied;
};

describe('applying a deduction under the rulebook', () => {
  it('takes the points the rule fixes, in the period of the company time zone, with who applied it and the appeal rules', () => {
    const [event] = deductionDecider.decide(apply(), deductionDecider.initialState, underRulebook()) as DeductionApplied[];
    expect(event.data).toMatchObject({ points: 2, appliedBy: 'S-1', department: 'customer-service', position: 'property-steward' });
    expect(event.data.assessment).toMatchObject({ period: '2026-03', rulebookVersion: 1, appeals: defaultRulebook.appeals });
  });

  it('leaves out who applied it when nobody is named', () => {
    const [event] = deductionDecider.decide({ ...apply(), data: { ...apply().data, appliedBy: undefined } }, deductionDecider.initialState, underRulebook()) as DeductionApplied[];
    expect('appliedBy' in event.data).toBe(false);
  });

  it('gives a version without appeal rules the default window of 15 days', () => {
    const { appeals: _none, ...withoutAppeals } = defaultRulebook;
    const [event] = deductionDecider.decide(apply(), deductionDecider.initialState, underRulebook([], [withoutAppeals as RulebookVersion])) as DeductionApplied[];
    expect(event.data.assessment?.appeals).toEqual({ windowDays: 15 });
  });

  it('refuses a deduction into a closed period, naming the period', () => {
    spec.given([], underRulebook(['2026-03'])).when(apply()).thenThrows('period_closed', { period: '2026-03' });
    spec.given([], underRulebook(['2026-02'])).when(apply()).then([appliedUnder()]);
  });

  it('takes a deduction as given while no rulebook is published, but not without points', () => {
    spec.given([], { employee, rulebook: { versions: [], timeZone: 'Asia/Shanghai', closedPeriods: [] } }).when(apply()).thenThrows('points_out_of_range');
    const [event] = deductionDecider.decide(apply({ points: 3 }), deductionDecider.initialState, { employee }) as DeductionApplied[];
    expect(event.data.points).toBe(3);
    expect(event.data.assessment).toBeUndefined();
  });

  it('refuses a fact dated after now, and takes one dated exactly now', () => {
    spec.given([], underRulebook()).when(apply({ occurredAt: '2026-04-30T12:00:00.001Z' })).thenThrows('occurred_in_future', { occurredAt: '2026-04-30T12:00:00.001Z' });
    expect(deductionDecider.decide(apply({ occurredAt: now }), deductionDecider.initialState, underRulebook())).toHaveLength(1);
  });
});

describe('contesting and hearing a deduction applied under the rulebook', () => {
  const applied = appliedUnder();
  const occurredMs = Date.parse(applied.data.occurredAt);
  const day = 24 * 60 * 60 * 1000;
  const contest = (contestedAt: string) => ({ type: 'ContestDeduction' as const, data: { deductionId: 'D-1', reason: 'I answered the next morning', contestedAt }, now });
  const contestedAt = new Date(occurredMs + day).toISOString();
  const contested: DeductionContested = {
    type: 'DeductionContested',
    data: { deductionId: 'D-1', reason: 'I answered the next morning', contestedAt, employeeId: 'E-1', deductionOccurredAt: applied.data.occurredAt, period: '2026-03', hearingDueAt: new Date(occurredMs + 16 * day).toISOString() },
  };
  const hearing = (panel: string[], employeeRepresentatives?: string[]) => ({
    type: 'RecordHearing' as const,
    data: { deductionId: 'D-1', panel, employeeRepresentatives, outcome: 'upheld' as const, reasoning: 'heard', heardAt: new Date(occurredMs + 5 * day).toISOString() },
    now,
  });
  const given = (...events: DeductionEvent[]) => spec.given([applied, ...events], underRulebook());

  it('contests within the appeal window, up to its last instant, in the period of the deduction, with the hearing due 15 days on', () => {
    given().when(contest(contestedAt)).then([contested]);
    const lastInstant = new Date(occurredMs + 15 * day).toISOString();
    const [event] = deductionDecider.decide(contest(lastInstant), [applied].reduce(deductionDecider.evolve, deductionDecider.initialState), underRulebook()) as DeductionContested[];
    expect(event.data).toMatchObject({ period: '2026-03', hearingDueAt: new Date(occurredMs + 30 * day).toISOString() });
  });

  it('refuses a contest after the appeal window, naming its deadline', () => {
    given().when(contest(new Date(occurredMs + 15 * day + 1).toISOString())).thenThrows('appeal_window_closed', { deadline: new Date(occurredMs + 15 * day).toISOString() });
  });

  it('wants a panel of 5 to 7 members', () => {
    given(contested).when(hearing(['P-1', 'P-2', 'P-3', 'P-4'], ['P-1', 'P-2'])).thenThrows('panel_size_out_of_range');
    given(contested).when(hearing(['P-1', 'P-2', 'P-3', 'P-4', 'P-5', 'P-6', 'P-7', 'P-8'], ['P-1', 'P-2', 'P-3'])).thenThrows('panel_size_out_of_range');
    expect(deductionDecider.decide(hearing(['P-1', 'P-2', 'P-3', 'P-4', 'P-5'], ['P-1', 'P-2']), [applied, contested].reduce(deductionDecider.evolve, deductionDecider.initialState), underRulebook())).toHaveLength(1);
    expect(deductionDecider.decide(hearing(['P-1', 'P-2', 'P-3', 'P-4', 'P-5', 'P-6', 'P-7'], ['P-1', 'P-2', 'P-3']), [applied, contested].reduce(deductionDecider.evolve, deductionDecider.initialState), underRulebook())).toHaveLength(1);
  });

  it('wants at least a third of the panel to be employee representatives (2 of 5, 3 of 7)', () => {
    given(contested).when(hearing(['P-1', 'P-2', 'P-3', 'P-4', 'P-5'], ['P-1'])).thenThrows('too_few_employee_representatives');
    given(contested).when(hearing(['P-1', 'P-2', 'P-3', 'P-4', 'P-5'])).thenThrows('too_few_employee_representatives');
    given(contested).when(hearing(['P-1', 'P-2', 'P-3', 'P-4', 'P-5', 'P-6', 'P-7'], ['P-1', 'P-2'])).thenThrows('too_few_employee_representatives');
    given(contested).when(hearing(['P-1', 'P-2', 'P-3', 'P-4', 'P-5', 'P-6', 'P-7'], ['P-1', 'P-1', 'P-2'])).thenThrows('too_few_employee_representatives');
  });

  it('wants every representative on the panel, and not the person who applied the deduction', () => {
    given(contested).when(hearing(['P-1', 'P-2', 'P-3', 'P-4', 'P-5'], ['P-1', 'R-9'])).thenThrows('representative_not_on_panel');
    given(contested).when(hearing(['S-1', 'P-2', 'P-3', 'P-4', 'P-5'], ['P-2', 'P-3'])).thenThrows('applier_on_panel');
  });

  it('records the representatives and the period on the hearing', () => {
    const [event] = deductionDecider.decide(hearing(['P-1', 'P-2', 'P-3', 'P-4', 'P-5'], ['P-1', 'P-2']), [applied, contested].reduce(deductionDecider.evolve, deductionDecider.initialState), underRulebook());
    expect(event.data).toMatchObject({ employeeRepresentatives: ['P-1', 'P-2'], period: '2026-03', pointsInForce: 2 });
  });
});
