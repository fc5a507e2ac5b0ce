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

    expect([...documents.keys()].sort()).toEqual(['E-1:0000000000000041', 'E-1:0000000000000042', 'E-1:0000000000000043', 'E-2:0000000000000043']);
    expect(documents.get('E-1:0000000000000042')).toEqual({
      _id: 'E-1:0000000000000042',
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

    const line = documents.get('E-1:0000000000000001');
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
});
