import fc from 'fast-check';
import { defaultRulebook } from '../../rulebook/default-rulebook';
import { assessApplication } from '../../rulebook/domain/assess-application';
import type { DeductionEvent } from '../../deductions/domain/deduction.events';
import { evolvePeriodRecord } from './period-record';
import type { PeriodRecord } from './period-record';

const tz = 'Asia/Shanghai';
const versions = [defaultRulebook];
const driverRules = ['TS-COMPLAINT', 'DD-STD-CODE', 'DD-STD-SIGN', 'DD-SAFETY', 'DD-ROUTES'];

const applied = (id: string, ruleCode: string, day: number): DeductionEvent => {
  const occurredAt = `2026-03-${String(day).padStart(2, '0')}T10:00:00+08:00`;
  const { points, assessment } = assessApplication(versions, 'delivery-driver', { ruleCode, effect: 'deduction', occurredAt }, tz);
  return { type: 'DeductionApplied', data: { deductionId: id, employeeId: 'E-1', department: 'd', position: 'delivery-driver', ruleCode, points, occurredAt, reason: 'r', assessment: { ...assessment, appeals: { windowDays: 15 } } } };
};
const fold = (events: DeductionEvent[]) => events.reduce<PeriodRecord | null>(evolvePeriodRecord, null);
const deductions = fc.array(fc.tuple(fc.constantFrom(...driverRules), fc.integer({ min: 1, max: 28 })), { minLength: 1, maxLength: 25 }).map((list) => list.map(([rule, day], i) => applied(`D-${i}`, rule, day)));

describe('an employee period folded from events', () => {
  it('scores the same whatever order its events arrive in', () => {
    fc.assert(
      fc.property(deductions.chain((events) => fc.tuple(fc.constant(events), fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }))), ([events, shuffled]) => {
        expect(fold(shuffled)!.score).toEqual(fold(events)!.score);
      }),
    );
  });

  it('returns to its score when a deduction is applied, contested and overturned', () => {
    fc.assert(
      fc.property(deductions, fc.constantFrom(...driverRules), (events, rule) => {
        const extra = applied('X', rule, 15);
        const contested: DeductionEvent = { type: 'DeductionContested', data: { deductionId: 'X', employeeId: 'E-1', deductionOccurredAt: (extra.data as { occurredAt: string }).occurredAt, reason: 'no', contestedAt: '2026-03-16T10:00:00+08:00', period: '2026-H1' } };
        const overturned: DeductionEvent = {
          type: 'HearingRecorded',
          data: { deductionId: 'X', employeeId: 'E-1', deductionOccurredAt: (extra.data as { occurredAt: string }).occurredAt, panel: ['P'], outcome: 'overturned', originalPoints: 1, pointsInForce: 0, reasoning: 'r', heardAt: '2026-03-20T10:00:00+08:00', period: '2026-H1' },
        };
        const during = fold([...events, extra, contested])!;
        expect(during.openAppeals).toBe(1);
        const after = fold([...events, extra, contested, overturned])!;
        expect(after.score).toEqual(fold(events)!.score);
        expect(after.openAppeals).toBe(0);
      }),
    );
  });

  it('keeps every part within [0, max] however many deductions arrive', () => {
    fc.assert(
      fc.property(deductions, (events) => {
        for (const part of fold(events)!.score.parts) expect(part.points >= 0 && part.points <= part.max).toBe(true);
      }),
    );
  });
});
