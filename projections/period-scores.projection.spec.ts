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

  describe('once the period is sealed', () => {
    const applied = [deduction(1, 'D-1'), deduction(2, 'D-2')];
    const live = foldProjection(projection, applied).get('E-1:2026-03')!;
    const sealed = (position: number, score = live.score) =>
      event(position, 'PeriodScoreSealed', {
        companyId: 'default', period: '2026-03', employeeId: 'E-1', department: 'd', position: 'property-steward',
        schemeVersion: live.schemeVersion, score, closedAt: '2026-04-01T00:00:00+08:00', scheme: live.scheme,
      });
    const heard = (position: number, outcome: string, pointsInForce: number) =>
      event(position, 'HearingRecorded', {
        deductionId: 'D-2', employeeId: 'E-1', deductionOccurredAt: '2026-03-10T10:00:00+08:00', panel: ['P-1'], outcome,
        originalPoints: 2, pointsInForce, reasoning: 'r', heardAt: '2026-04-20T10:00:00+08:00', period: '2026-03',
      });

    it('keeps the sealed figure beside the live one, uncorrected while they agree', () => {
      const doc = foldProjection(projection, [...applied, sealed(3)]).get('E-1:2026-03')!;
      expect(doc).toMatchObject({ _id: 'E-1:2026-03', sealed: { score: live.score, closedAt: '2026-04-01T00:00:00+08:00' }, corrected: false, normalised: 96, grade: 'excellent', veto: false });
    });

    it('marks the period corrected when a later hearing moves the live figure away from the sealed one', () => {
      const doc = foldProjection(projection, [...applied, sealed(3), heard(4, 'overturned', 0)]).get('E-1:2026-03')!;
      expect(doc).toMatchObject({ normalised: 98, corrected: true, sealed: { score: { normalised: 96 } } });
      expect(doc.corrections).toEqual([{ itemId: 'deduction:D-2', outcome: 'overturned', pointsInForce: 0, heardAt: '2026-04-20T10:00:00+08:00' }]);
    });

    it('marks it corrected when only the grade differs from the sealed one', () => {
      const doc = foldProjection(projection, [...applied, sealed(3, { ...live.score, grade: 'good' })]).get('E-1:2026-03')!;
      expect(doc).toMatchObject({ normalised: 96, grade: 'excellent', corrected: true });
    });

    it('is not corrected before it is sealed, whatever the hearings decide', () => {
      const doc = foldProjection(projection, [...applied, heard(3, 'overturned', 0)]).get('E-1:2026-03')!;
      expect(doc).toMatchObject({ normalised: 98, sealed: null, corrected: false });
    });
  });

  it('copies the figures analysts filter on to the top of the document', () => {
    const doc = foldProjection(projection, [deduction(1, 'D-1')]).get('E-1:2026-03')!;
    expect(doc).toMatchObject({ normalised: doc.score.normalised, grade: doc.score.grade, veto: doc.score.veto });
    expect(doc.normalised).toBe(98);
  });

  it('leaves the document as it was (nothing to write) for a fact that changes nothing in it', () => {
    const before = foldProjection(projection, [deduction(1, 'D-1')]);
    const doc = before.get('E-1:2026-03')!;
    const contestOfAnother = event(2, 'DeductionContested', { deductionId: 'D-9', employeeId: 'E-1', reason: 'r', contestedAt: '2026-03-12T00:00:00Z', period: '2026-03' });
    expect(projection.evolve(doc, contestOfAnother, 'E-1:2026-03')).toBe(doc);
  });

  it('touches no document for a fact outside every period, and none for an unknown event type', () => {
    expect(projection.documentIds(event(1, 'DeductionContested', { deductionId: 'D-1', employeeId: 'E-1', reason: 'r', contestedAt: '2026-03-12T00:00:00Z' }))).toEqual([]);
    expect(projection.documentIds(event(1, 'TicketDispatched', { ticketId: 'T-1' }))).toEqual([]);
    expect(projection.documentIds(deduction(1, 'D-1'))).toEqual(['E-1:2026-03']);
  });

  it('declares the indexes its queries need: a period by department, an employee by period, a period by score', () => {
    expect(createPeriodScoresProjection().indexes?.map((index) => index.fields)).toEqual([['period', 'department'], ['employeeId', 'period'], ['period', 'normalised']]);
  });
});
