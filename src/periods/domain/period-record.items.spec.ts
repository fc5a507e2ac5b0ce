import type { DomainEvent } from '../../shared/domain/decider';
import type { EmployeeState } from '../../employees/domain/employee.decider';
import { testRulebook } from '../../rulebook/testing/test-rulebook';
import { bonusDecider, ratingsDecider, surveyDecider } from '../../assessments/domain/assessment.deciders';
import type { AssessmentDecisionContext } from '../../assessments/domain/assessment.deciders';
import { deductionDecider } from '../../deductions/domain/deduction.decider';
import { entriesOf, evolvePeriodRecord } from './period-record';
import type { PeriodRecord } from './period-record';

/** What each kind of fact puts into an employee's period, and what the scoring function is given for it. */
const now = '2026-08-01T00:00:00.000Z';
const staff = (position: string): EmployeeState => ({ status: 'registered', employeeId: 'E-1', name: 'Li', department: 'north', position, registeredAt: '2026-01-01T00:00:00.000Z' });
const context = (position = 'tester'): AssessmentDecisionContext => ({ employee: staff(position), rulebook: { versions: [testRulebook], timeZone: 'Asia/Shanghai', closedPeriods: [] } });
const fold = (events: DomainEvent<string, unknown>[], start: PeriodRecord | null = null) => events.reduce<PeriodRecord | null>(evolvePeriodRecord, start);

const deduction = (deductionId: string, ruleCode: string, extra: object = {}) =>
  deductionDecider.decide({ type: 'ApplyDeduction', data: { deductionId, employeeId: 'E-1', ruleCode, occurredAt: '2026-03-10T10:00:00+08:00', reason: 'r', ...extra }, now }, deductionDecider.initialState, context())[0];
const bonus = (bonusId: string) =>
  bonusDecider.decide({ type: 'AwardBonus', data: { bonusId, employeeId: 'E-1', ruleCode: 'PRAISE', occurredAt: '2026-03-12T10:00:00+08:00', reason: 'r' }, now }, bonusDecider.initialState, context())[0];
const survey = (rate: number, surveyedAt: string) =>
  surveyDecider.decide({ type: 'RecordSurveyResult', data: { surveyId: `S-${rate}`, employeeId: 'E-1', period: '2026-03', ruleCode: 'SATISFACTION', satisfactionRate: rate, sampleSize: 40, surveyedAt }, now }, surveyDecider.initialState, context())[0];

describe('the items of an employee period', () => {
  it('keeps a deduction, a veto and a bonus under their own ids, with the part, points and status', () => {
    const record = fold([deduction('D-1', 'FIX'), deduction('D-2', 'VETO'), bonus('B-1')])!;
    expect(record.items).toEqual({
      'deduction:D-1': { kind: 'deduction', ruleCode: 'FIX', part: 'work', points: 2, status: 'applied', occurredAt: '2026-03-10T10:00:00+08:00' },
      'deduction:D-2': { kind: 'veto', ruleCode: 'VETO', part: 'work', points: 0, status: 'applied', occurredAt: '2026-03-10T10:00:00+08:00' },
      'bonus:B-1': { kind: 'bonus', ruleCode: 'PRAISE', part: 'work', points: 3, status: 'applied', occurredAt: '2026-03-12T10:00:00+08:00' },
    });
    expect(record).toMatchObject({ employeeId: 'E-1', period: '2026-03', department: 'north', position: 'tester', schemeVersion: 1, sealed: null, corrections: [] });
  });

  it('gives the scoring function points for deductions and bonuses, and a veto until it is overturned', () => {
    const record = fold([deduction('D-1', 'FIX'), deduction('D-2', 'VETO'), bonus('B-1')])!;
    expect(entriesOf(record)).toEqual([
      { kind: 'points', id: 'deduction:D-1', part: 'work', effect: 'deduction', points: 2 },
      { kind: 'veto', id: 'deduction:D-2', ruleCode: 'VETO' },
      { kind: 'points', id: 'bonus:B-1', part: 'work', effect: 'bonus', points: 3 },
    ]);
    const overturned = { ...record, items: { ...record.items, 'deduction:D-2': { ...record.items['deduction:D-2'], status: 'overturned' as const } } };
    expect(entriesOf(overturned).map((e) => e.kind)).toEqual(['points', 'points']);
  });

  it('keeps one survey result per rule and period: a later survey replaces an earlier one, an earlier one arriving late does not', () => {
    const first = survey(91, '2026-04-02T00:00:00+08:00');
    const later = survey(80, '2026-04-05T00:00:00+08:00');
    expect(fold([first, later])!.items['survey:SATISFACTION:2026-03']).toMatchObject({ kind: 'survey', points: 7.5, occurredAt: '2026-04-05T00:00:00+08:00' });
    expect(fold([later, first])!.items['survey:SATISFACTION:2026-03']).toMatchObject({ points: 7.5 });
    expect(Object.keys(fold([first, later])!.items)).toEqual(['survey:SATISFACTION:2026-03']);
  });

  it('keeps ratings as given and hands them to the scoring function', () => {
    const ratings = { performance: { output: 80, quality: 90 }, conduct: { manner: 100 } };
    const rated = ratingsDecider.decide({ type: 'RecordRatings', data: { ratingId: 'R-1', employeeId: 'E-1', period: '2026-H1', ratings, ratedAt: '2026-07-01T00:00:00+08:00' }, now }, ratingsDecider.initialState, context('rater'))[0];
    const record = fold([rated])!;
    expect(record.items['rating:R-1']).toEqual({ kind: 'rating', points: 0, status: 'applied', occurredAt: '2026-07-01T00:00:00+08:00', ratings });
    expect(entriesOf(record)).toEqual([{ kind: 'rating', id: 'rating:R-1', ratings }]);
    expect(record.score.rated).toBe(true);
  });

  it('takes a roll-up penalty as an adjustment of its role, and a sealed score as the sealed figure', () => {
    const scheme = testRulebook.schemes[0];
    const rollUp = { type: 'RollUpPenaltyApplied', data: { companyId: 'c', period: '2026-03', employeeId: 'E-1', department: 'north', position: 'tester', role: 'head', departmentAverage: 80, threshold: 85, pointsBelow: 5, points: 5, closedAt: '2026-04-01T00:00:00+08:00', scheme } };
    const record = fold([rollUp])!;
    expect(record.items['roll-up:2026-03:head']).toEqual({ kind: 'roll-up', points: 5, status: 'applied', occurredAt: '2026-04-01T00:00:00+08:00' });
    expect(entriesOf(record)).toEqual([{ kind: 'adjustment', id: 'roll-up:2026-03:head', points: 5 }]);
    expect(record.schemeVersion).toBe(0);
    const score = { ...record.score, normalised: 42 };
    const sealed = fold([{ type: 'PeriodScoreSealed', data: { companyId: 'c', period: '2026-03', employeeId: 'E-1', department: 'north', position: 'tester', schemeVersion: 1, score, closedAt: '2026-04-01T00:00:00+08:00', scheme } }], record)!;
    expect(sealed.sealed).toEqual({ score, closedAt: '2026-04-01T00:00:00+08:00' });
    expect(sealed.items).toEqual(record.items);
  });

  it('ignores contests, hearings and withdrawals of deductions it does not hold, and events of no period', () => {
    const record = fold([deduction('D-1', 'FIX')])!;
    for (const type of ['DeductionContested', 'HearingRecorded', 'DeductionWithdrawn']) {
      expect(evolvePeriodRecord(record, { type, data: { deductionId: 'D-9', employeeId: 'E-1', outcome: 'overturned', pointsInForce: 0, heardAt: now } })).toBe(record);
      expect(evolvePeriodRecord(null, { type, data: { deductionId: 'D-1', employeeId: 'E-1', outcome: 'overturned', pointsInForce: 0, heardAt: now } })).toBeNull();
    }
    expect(evolvePeriodRecord(record, { type: 'TicketDispatched', data: {} })).toBe(record);
  });

  it('counts a withdrawn deduction as overturned, with no points', () => {
    const record = fold([deduction('D-1', 'FIX'), { type: 'DeductionWithdrawn', data: { deductionId: 'D-1', employeeId: 'E-1', reason: 'reversed', withdrawnAt: now } }])!;
    expect(record.items['deduction:D-1']).toMatchObject({ points: 0, status: 'overturned' });
    expect(record.score.normalised).toBe(100);
  });

  it('lists a hearing after the seal as a correction, and none before it', () => {
    const heard = { type: 'HearingRecorded', data: { deductionId: 'D-1', employeeId: 'E-1', outcome: 'reduced', pointsInForce: 1, heardAt: '2026-04-20T00:00:00Z' } };
    const open = fold([deduction('D-1', 'FIX'), heard])!;
    expect(open.corrections).toEqual([]);
    expect(open.items['deduction:D-1']).toMatchObject({ points: 1, status: 'reduced' });
    const scheme = testRulebook.schemes[0];
    const sealedFirst = fold([deduction('D-1', 'FIX'), { type: 'PeriodScoreSealed', data: { companyId: 'c', period: '2026-03', employeeId: 'E-1', department: 'north', position: 'tester', schemeVersion: 1, score: open.score, closedAt: '2026-04-01T00:00:00+08:00', scheme } }, heard])!;
    expect(sealedFirst.corrections).toEqual([{ itemId: 'deduction:D-1', outcome: 'reduced', pointsInForce: 1, heardAt: '2026-04-20T00:00:00Z' }]);
  });
});
