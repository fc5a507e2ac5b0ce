import { foldProjection } from './fold';
import { createPeriodScoresProjection } from './period-scores.projection';
import { defaultRulebook } from '../src/rulebook/default-rulebook';
import { assessApplication } from '../src/rulebook/domain/assess-application';
import type { RecordedEvent } from '../src/shared/event-store/event-store.port';

const projection = createPeriodScoresProjection();
const event = (position: number, type: string, data: object): RecordedEvent => ({
  id: `ev-${position}`, type, data, streamName: 's', revision: 0, position,
  metadata: { actor: 'a', correlationId: 'c', causationId: 'c', occurredAt: '2026-03-01T00:00:00Z', recordedAt: '2026-03-01T00:00:00Z', subjects: ['employee:E-1'] },
});
const deduction = (position: number, id: string) => {
  const occurredAt = '2026-03-10T10:00:00+08:00';
  const { points, assessment } = assessApplication([defaultRulebook], 'property-steward', { ruleCode: 'PS-01', effect: 'deduction', occurredAt }, 'Asia/Shanghai');
  return event(position, 'DeductionApplied', { deductionId: id, employeeId: 'E-1', department: 'd', position: 'property-steward', ruleCode: 'PS-01', points, occurredAt, reason: 'r', assessment: { ...assessment, appeals: { windowDays: 15 } } });
};

describe('the period-scores projection', () => {
  it('builds the period document and counts nothing twice when the same events are replayed', () => {
    const events = [deduction(1, 'D-1'), deduction(2, 'D-2')];
    const once = foldProjection(projection, events);
    const twice = foldProjection(projection, events, foldProjection(projection, events));
    expect(once.get('E-1:2026-03')).toMatchObject({ normalised: 96, grade: 'excellent', corrected: false });
    expect(twice).toEqual(once);
  });
  it('ignores deductions applied before any rulebook (no assessment)', () => {
    const skeleton = event(1, 'DeductionApplied', { deductionId: 'D-1', employeeId: 'E-1', department: 'd', position: 'p', ruleCode: 'X', points: 2, occurredAt: '2026-03-10T10:00:00Z', reason: 'r' });
    expect(foldProjection(projection, [skeleton]).size).toBe(0);
  });
});
