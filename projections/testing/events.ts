/** Example domain events for projection specs; override what the spec is about. */
import type { ComplaintReceived } from '../../src/complaints/domain/complaint.events';
import type { DeductionApplied, DeductionContested, HearingRecorded } from '../../src/deductions/domain/deduction.events';
import type { EmployeeRegistered } from '../../src/employees/domain/employee.events';
import type { TicketDispatched, TicketResolved } from '../../src/tickets/domain/ticket.events';

export const employeeRegistered = (data: Partial<EmployeeRegistered['data']> = {}): EmployeeRegistered => ({
  type: 'EmployeeRegistered',
  data: { employeeId: 'E-1', name: '王芳', department: 'customer-service', position: 'steward', supervisorId: 'E-9', registeredAt: '2026-01-05T01:00:00.000Z', ...data },
});

export const deductionApplied = (data: Partial<DeductionApplied['data']> = {}): DeductionApplied => ({
  type: 'DeductionApplied',
  data: {
    deductionId: 'D-1',
    employeeId: 'E-1',
    department: 'customer-service',
    position: 'steward',
    ruleCode: 'COMPLAINT-VALID',
    points: 2,
    occurredAt: '2026-03-10T02:00:00.000Z',
    reason: 'valid complaint',
    ...data,
  },
});

export const deductionContested = (data: Partial<DeductionContested['data']> = {}): DeductionContested => ({
  type: 'DeductionContested',
  data: { deductionId: 'D-1', employeeId: 'E-1', deductionOccurredAt: '2026-03-10T02:00:00.000Z', reason: 'I was on leave', contestedAt: '2026-03-11T02:00:00.000Z', ...data },
});

export const hearingRecorded = (data: Partial<HearingRecorded['data']> = {}): HearingRecorded => ({
  type: 'HearingRecorded',
  data: {
    deductionId: 'D-1',
    employeeId: 'E-1',
    deductionOccurredAt: '2026-03-10T02:00:00.000Z',
    panel: ['P-1', 'P-2', 'P-3', 'P-4', 'P-5'],
    outcome: 'upheld',
    originalPoints: 2,
    pointsInForce: 2,
    reasoning: 'the panel heard both sides',
    heardAt: '2026-03-15T02:00:00.000Z',
    ...data,
  },
});

export const complaintReceived = (data: Partial<ComplaintReceived['data']> = {}): ComplaintReceived => ({
  type: 'ComplaintReceived',
  data: {
    complaintId: 'C-1',
    channel: 'hotline',
    complainant: { subjectId: 'C-1', sealed: 'v1.c2VhbGVkIGNvbXBsYWluYW50' },
    location: '3栋 lobby',
    subject: 'service attitude',
    description: 'the steward was rude at the front desk',
    severity: 'normal',
    receivedAt: '2026-03-09T01:00:00.000Z',
    concernsEmployeeIds: ['E-1'],
    ...data,
  },
});

export const ticketDispatched = (data: Partial<TicketDispatched['data']> = {}): TicketDispatched => ({
  type: 'TicketDispatched',
  data: {
    ticketId: 'T-1',
    kind: 'repair',
    assigneeId: 'E-2',
    department: 'engineering',
    description: 'leaking pipe, 3栋 501',
    dispatchedAt: '2026-03-10T02:00:00.000Z',
    resolveBy: '2026-03-10T02:20:00.000Z',
    ...data,
  },
});

export const ticketResolved = (data: Partial<TicketResolved['data']> = {}): TicketResolved => ({
  type: 'TicketResolved',
  data: { ticketId: 'T-1', assigneeId: 'E-2', resolvedAt: '2026-03-10T02:15:00.000Z', resolution: 'pipe sealed', late: false, ...data },
});
