import { deciderSpecification } from '../../shared/testing/decider-specification';
import { defaultRulebook } from '../../rulebook/default-rulebook';
import type { ScoreEntry } from '../../rulebook/domain/scoring';
import { periodDecider } from './period.decider';
import type { EmployeePeriod, PeriodContext } from './period.decider';
import type { PeriodClosed, PeriodEvent, PeriodScoreSealed, RollUpPenaltyApplied } from './period.events';
import { refusePeriod } from './period.errors';

const spec = deciderSpecification(periodDecider, refusePeriod);
const now = '2026-11-30T04:00:00.000Z';
const opened = (period: string): PeriodEvent => ({ type: 'PeriodOpened', data: { companyId: 'c', period, openedAt: '2026-10-01T00:00:00+08:00' } });
const closedEvent = (period: string): PeriodEvent => ({ type: 'PeriodClosed', data: { companyId: 'c', period, closedAt: '2026-11-01T00:00:00+08:00', sealedScores: 0, unratedEmployeeIds: [] } });
const open = (period: string, openedAt = '2026-11-01T00:00:00+08:00') => ({ type: 'OpenPeriod' as const, data: { companyId: 'c', period, openedAt }, now });
const close = (period: string, closedAt = '2026-11-01T00:00:00+08:00', departmentHeads?: Record<string, string>) => ({
  type: 'ClosePeriod' as const,
  data: { companyId: 'c', period, closedAt, ...(departmentHeads ? { departmentHeads } : {}) },
  now,
});
const noOne: PeriodContext = { employees: [], timeZone: 'Asia/Shanghai' };

describe('opening and closing a period, again or out of turn', () => {
  it('appends nothing when an open period is opened again or a closed one closed again', () => {
    spec.given([opened('2026-11')], noOne).when(open('2026-11')).then([]);
    spec.given([opened('2026-10'), closedEvent('2026-10')], noOne).when(close('2026-10')).then([]);
  });

  it('refuses to open a closed period, or to close one never opened', () => {
    spec.given([opened('2026-10'), closedEvent('2026-10')], noOne).when(open('2026-10', '2026-10-01T00:00:00+08:00')).thenThrows('period_closed');
    spec.given([], noOne).when(close('2026-10')).thenThrows('period_not_open', { path: 'period' });
  });

  it('refuses a close dated after now, naming the field, and takes one dated exactly now', () => {
    spec.given([opened('2026-10')], noOne).when(close('2026-10', '2026-11-30T04:00:00.001Z')).thenThrows('closed_in_future', { path: 'closedAt' });
    expect(periodDecider.decide(close('2026-10', now), periodDecider.evolve(periodDecider.initialState, opened('2026-10')), noOne)).toHaveLength(1);
  });

  it('refuses an opening before the period begins or after now, naming when it begins; takes one exactly at its start', () => {
    spec.given([], noOne).when(open('2026-11', '2026-10-31T15:59:59.999Z')).thenThrows('period_not_begun', { path: 'openedAt', begins: '2026-10-31T16:00:00.000Z' });
    spec.given([], noOne).when(open('2026-11', '2026-11-30T04:00:00.001Z')).thenThrows('opened_in_future', { path: 'openedAt' });
    spec.given([], noOne).when(open('2026-11', '2026-10-31T16:00:00.000Z')).then([{ type: 'PeriodOpened', data: { companyId: 'c', period: '2026-11', openedAt: '2026-10-31T16:00:00.000Z' } }]);
  });

  it("records in the seal the log's checkpoint the close was given", () => {
    const checkpoint = { format: 'ledger-checkpoint/1' as const, size: 40, position: 40, link: 'ab', root: 'cd', signedAt: now, keyId: 'k', signature: 's' };
    spec
      .given([opened('2026-10')], { ...noOne, checkpoint })
      .when(close('2026-10'))
      .then([{ type: 'PeriodClosed', data: { companyId: 'c', period: '2026-10', closedAt: '2026-11-01T00:00:00+08:00', sealedScores: 0, unratedEmployeeIds: [], checkpoint } }]);
  });

  it('keeps each period open or closed on its own', () => {
    const state = [opened('2026-10'), opened('2026-11'), closedEvent('2026-10')].reduce(periodDecider.evolve, periodDecider.initialState);
    expect(state.periods).toEqual({ '2026-10': 'closed', '2026-11': 'open' });
  });
});

describe('closing a period seals every score, with the roll-up of a department below the threshold (004:182)', () => {
  const scheme = defaultRulebook.schemes.find((s) => s.position === 'customer-manager')!;
  const rollUp = defaultRulebook.rollUp!; // threshold 85, 1 point per point below, for customer managers, market inspectors, delivery drivers
  const deduction = (part: string, points: number, id = `${part}-${points}`): ScoreEntry => ({ kind: 'points', id, part, effect: 'deduction', points });
  const employee = (employeeId: string, department: string, entries: ScoreEntry[], position = 'customer-manager'): EmployeePeriod => ({
    employeeId, department, position, scheme: position === 'customer-manager' ? scheme : defaultRulebook.schemes.find((s) => s.position === position)!, schemeVersion: 1, entries,
  });
  const closing = (employees: EmployeePeriod[], heads?: Record<string, string>) =>
    periodDecider.decide(close('2026-10', '2026-11-01T00:00:00+08:00', heads), periodDecider.evolve(periodDecider.initialState, opened('2026-10')), { employees, rollUp, timeZone: 'Asia/Shanghai' });
  const byType = <T extends PeriodEvent>(events: PeriodEvent[], type: T['type']) => events.filter((e) => e.type === type) as T[];

  it('costs nothing when the department average reaches the threshold exactly', () => {
    // a customer manager's parts add up to 120 points: 18 off is 85 on 100
    const events = closing([employee('E-1', 'north', [deduction('improvement', 18)]), employee('E-2', 'north', [deduction('improvement', 18, 'b')])]);
    expect(byType<RollUpPenaltyApplied>(events, 'RollUpPenaltyApplied')).toEqual([]);
    expect(byType<PeriodScoreSealed>(events, 'PeriodScoreSealed').map((e) => e.data.score.normalised)).toEqual([85, 85]);
  });

  it('charges a department below the threshold: the head by the average shortfall, staff below by theirs, staff above nothing', () => {
    const events = closing(
      [employee('E-1', 'north', [deduction('improvement', 24)]), employee('E-2', 'north', [deduction('improvement', 12)]), employee('H-1', 'north', [deduction('improvement', 36)])],
      { north: 'H-1' },
    );
    // normalised 80, 90, 70 → average 80, 5 below 85
    const penalties = byType<RollUpPenaltyApplied>(events, 'RollUpPenaltyApplied');
    expect(penalties.map((p) => [p.data.employeeId, p.data.role, p.data.departmentAverage, p.data.pointsBelow, p.data.points])).toEqual([
      ['H-1', 'head', 80, 5, 5],
      ['E-1', 'staff', 80, 5, 5],
    ]);
    expect(penalties[0].data).toMatchObject({ companyId: 'c', period: '2026-10', department: 'north', position: 'customer-manager', threshold: 85, closedAt: '2026-11-01T00:00:00+08:00' });
    const sealed = Object.fromEntries(byType<PeriodScoreSealed>(events, 'PeriodScoreSealed').map((e) => [e.data.employeeId, e.data.score]));
    expect(sealed['H-1']).toMatchObject({ normalised: 65, adjustments: 5 });
    expect(sealed['E-1']).toMatchObject({ normalised: 75, adjustments: 5 });
    expect(sealed['E-2']).toMatchObject({ normalised: 90, adjustments: 0 });
  });

  it('charges no head when none is named, and departments one by one', () => {
    const events = closing([employee('E-1', 'south', [deduction('improvement', 36)]), employee('E-2', 'north', [])]);
    expect(byType<RollUpPenaltyApplied>(events, 'RollUpPenaltyApplied').map((p) => [p.data.employeeId, p.data.role, p.data.department, p.data.points])).toEqual([['E-1', 'staff', 'south', 15]]);
  });

  it('leaves out positions the roll-up does not cover', () => {
    const events = closing([employee('E-1', 'north', [deduction('standard', 36)], 'property-steward')]);
    expect(byType<RollUpPenaltyApplied>(events, 'RollUpPenaltyApplied')).toEqual([]);
  });

  it('closes with the count of sealed scores and the employees not yet rated, who get no sealed score', () => {
    const rated = employee('E-1', 'north', []);
    const unrated = employee('O-1', 'plant', [], 'operations-worker');
    const events = closing([rated, unrated]);
    const [closed] = byType<PeriodClosed>(events, 'PeriodClosed');
    expect(closed.data).toEqual({ companyId: 'c', period: '2026-10', closedAt: '2026-11-01T00:00:00+08:00', sealedScores: 1, unratedEmployeeIds: ['O-1'] });
    expect(byType<PeriodScoreSealed>(events, 'PeriodScoreSealed').map((e) => e.data)).toEqual([
      { companyId: 'c', period: '2026-10', employeeId: 'E-1', department: 'north', position: 'customer-manager', schemeVersion: 1, score: expect.objectContaining({ normalised: 100 }), closedAt: '2026-11-01T00:00:00+08:00', scheme },
    ]);
    expect(events[0].type).toBe('PeriodClosed');
  });
});
