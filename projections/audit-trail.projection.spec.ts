import { createAuditTrailProjection } from './audit-trail.projection';
import { foldProjection } from './fold';
import {
  complaintReceived,
  deductionApplied,
  deductionContested,
  employeeRegistered,
  hearingRecorded,
  ticketDispatched,
  ticketResolved,
} from './testing/events';
import { recorder } from './testing/recorded';

const auditTrail = createAuditTrailProjection();

describe('audit-trail projection', () => {
  it("writes one line per event and employee, ordered by the event's position", () => {
    const recorded = recorder(41);
    const documents = foldProjection(auditTrail, [
      recorded(employeeRegistered(), { subjects: ['employee:E-1'], streamName: 'employee-E-1' }),
      recorded(ticketDispatched({ assigneeId: 'E-1' }), { subjects: ['employee:E-1', 'ticket:T-1'], streamName: 'ticket-T-1' }),
      recorded(complaintReceived({ concernsEmployeeIds: ['E-1', 'E-2'] }), { subjects: ['complaint:C-1', 'employee:E-1', 'employee:E-2'] }),
      recorded(employeeRegistered({ employeeId: 'E-3' }), { subjects: [] }),
    ]);

    expect([...documents.keys()].sort()).toEqual(['0000000000000041:E-1', '0000000000000042:E-1', '0000000000000043:E-1', '0000000000000043:E-2']);
    expect(documents.get('0000000000000042:E-1')).toEqual({
      _id: '0000000000000042:E-1',
      _position: 42,
      employeeId: 'E-1',
      position: 42,
      eventId: 'event-42',
      type: 'TicketDispatched',
      streamName: 'ticket-T-1',
      revision: 0,
      actor: 'user:assessor-1',
      correlationId: 'correlation-42',
      causationId: 'causation-42',
      occurredAt: '2026-03-10T02:00:00.000Z',
      recordedAt: '2026-03-10T02:00:00.000Z',
      data: ticketDispatched({ assigneeId: 'E-1' }).data,
    });
  });

  it('follows every event type of employees, complaints, tickets and deductions', () => {
    const recorded = recorder();
    const subjects = ['employee:E-1'];
    const events = [
      employeeRegistered(),
      complaintReceived(),
      ticketDispatched(),
      ticketResolved(),
      deductionApplied(),
      deductionContested(),
      hearingRecorded(),
    ].map((event) => recorded(event, { subjects }));

    const documents = foldProjection(auditTrail, events);

    expect([...documents.values()].map((doc) => doc.type)).toEqual(events.map((event) => event.type));
  });

  it("never contains the complainant, not even sealed", () => {
    const recorded = recorder();
    const documents = foldProjection(auditTrail, [recorded(complaintReceived(), { subjects: ['complaint:C-1', 'employee:E-1'] })]);

    const line = documents.get('0000000000000001:E-1');
    expect(line?.data).not.toHaveProperty('complainant');
    expect(line?.data).toMatchObject({ complaintId: 'C-1', subject: 'service attitude', severity: 'normal' });
    const stored = JSON.stringify([...documents.values()]);
    expect(stored).not.toContain('c2VhbGVkIGNvbXBsYWluYW50');
  });

  it('is the same after projecting the same events twice', () => {
    const recorded = recorder();
    const events = [recorded(deductionApplied(), { subjects: ['employee:E-1'] }), recorded(deductionContested(), { subjects: ['employee:E-1'] })];
    const documents = foldProjection(auditTrail, events);
    const once = structuredClone([...documents.entries()]);

    expect([...foldProjection(auditTrail, events, documents).entries()]).toEqual(once);
  });

  it('follows talks, bonuses, ratings, surveys, roll-up penalties and sealed period scores as well', () => {
    const fresh = createAuditTrailProjection();
    for (const type of ['TalkObligationOpened', 'TalkHeld', 'TalkObligationBreached', 'TalkObligationCancelled', 'BonusAwarded', 'RatingsRecorded', 'SurveyResultRecorded', 'RollUpPenaltyApplied', 'PeriodScoreSealed']) {
      expect(fresh.handles).toContain(type);
    }
    for (const type of ['RulebookVersionPublished', 'PeriodOpened', 'PeriodClosed']) expect(fresh.handles).not.toContain(type);
    expect(fresh.indexes).toEqual([{ fields: ['employeeId', 'position'], types: { employeeId: 'string', position: 'number' } }]);
    expect(fresh.writesOnce).toBe(true);
  });

  it('drops free text sealed under a data subject\'s key, whatever the field, and keeps the rest', () => {
    const recorded = recorder();
    const sealed = { sealed: 'v1', subjectId: 'C-1', ciphertext: 'c2VhbGVkIHNpZ24tb2Zm' };
    const closed = { type: 'TicketClosed', data: { ticketId: 'T-1', assigneeId: 'E-1', closedAt: '2026-03-10T03:00:00.000Z', signedOffBy: sealed } };
    const line = foldProjection(auditTrail, [recorded(closed, { subjects: ['employee:E-1'] })]).get('0000000000000001:E-1');
    expect(line?.data).toEqual({ ticketId: 'T-1', assigneeId: 'E-1', closedAt: '2026-03-10T03:00:00.000Z' });
  });

  it('names the scheme an event was scored under by its version instead of copying it into each line', () => {
    const recorded = recorder();
    const scheme = { categories: [{ part: 'service', maxPoints: 40 }], grades: [{ grade: 'excellent', minTotal: 95 }] };
    const assessment = { rulebookVersion: 3, schemeVersion: 2, period: '2026-03', part: 'service', effect: 'deduction', scheme };
    const applied = { type: 'DeductionApplied', data: { deductionId: 'D-1', employeeId: 'E-1', points: 2, assessment } };
    const sealed = { type: 'PeriodScoreSealed', data: { period: '2026-03', employeeId: 'E-1', schemeVersion: 2, score: { total: 98 }, scheme } };
    const rollUp = { type: 'RollUpPenaltyApplied', data: { period: '2026-03', employeeId: 'E-1', points: 1, scheme } };
    const lines = foldProjection(createAuditTrailProjection(), [applied, sealed, rollUp].map((e) => recorded(e, { subjects: ['employee:E-1'] })));

    expect(lines.get('0000000000000001:E-1')?.data).toEqual({ deductionId: 'D-1', employeeId: 'E-1', points: 2, assessment: { rulebookVersion: 3, schemeVersion: 2, period: '2026-03', part: 'service', effect: 'deduction' } });
    expect(lines.get('0000000000000002:E-1')?.data).toEqual({ period: '2026-03', employeeId: 'E-1', schemeVersion: 2, score: { total: 98 } });
    // a copy with no version beside it is all the line has to name the scheme: kept
    expect(lines.get('0000000000000003:E-1')?.data).toEqual(rollUp.data);
  });

  it('keeps data that is not an object as it was stored', () => {
    const recorded = recorder();
    for (const data of [['E-1'], null, 'text', 7]) {
      const odd = recorded({ type: 'EmployeeRegistered', data: data as unknown as object }, { subjects: ['employee:E-1'] });
      expect(foldProjection(createAuditTrailProjection(), [odd]).get(`${String(odd.position).padStart(16, '0')}:E-1`)?.data).toEqual(data);
    }
  });

  it('writes one line per employee however often the event names them, and none for an empty employee subject', () => {
    const recorded = recorder();
    const event = recorded(deductionApplied(), { subjects: ['employee:E-1', 'employee:E-1', 'employee:', 'deduction:D-1'] });
    expect(auditTrail.documentIds(event)).toEqual(['0000000000000001:E-1']);
  });

  it('never rewrites a line once written: a recorded event does not change', () => {
    const recorded = recorder();
    const [line] = foldProjection(auditTrail, [recorded(deductionApplied(), { subjects: ['employee:E-1'] })]).values();
    const later = recorded(deductionContested(), { subjects: ['employee:E-1'] });
    expect(auditTrail.evolve(line, later, line._id)).toBe(line);
  });

  it('takes the employee id from the line id, colons in the id included', () => {
    const recorded = recorder();
    const documents = foldProjection(auditTrail, [recorded(deductionApplied({ employeeId: 'ORG:E-1' }), { subjects: ['employee:ORG:E-1'] })]);
    expect(documents.get('0000000000000001:ORG:E-1')?.employeeId).toBe('ORG:E-1');
  });
});
