import { assertNever } from '../shared/domain/domain-error';
import { streamName } from '../shared/event-store/event-store.port';
import type { ComplaintEvent } from './domain/complaint.events';

export const complaintStream = (complaintId: string) => streamName('complaint', complaintId);

export function complaintEventOccurredAt(event: ComplaintEvent): string {
  switch (event.type) {
    case 'ComplaintReceived':
      return event.data.receivedAt;
    case 'ComplaintClockStarted':
      return event.data.startedAt;
    case 'ComplaintAssigned':
      return event.data.assignedAt;
    case 'ComplaintResolved':
      return event.data.resolvedAt;
    case 'ComplaintCallbackRecorded':
      return event.data.calledBackAt;
    case 'ComplaintDeadlineBreached':
      return event.data.dueAt;
    case 'ComplaintVerdictRecorded':
      return event.data.decidedAt;
    case 'ComplaintVerdictReversed':
      return event.data.reversedAt;
    default:
      return assertNever(event);
  }
}

export function complaintEventSubjects(event: ComplaintEvent): string[] {
  const employees = (ids: string[]) => ids.map((id) => `employee:${id}`);
  const subject = `complaint:${event.data.complaintId}`;
  switch (event.type) {
    case 'ComplaintReceived':
      return [subject, ...employees(event.data.concernsEmployeeIds)];
    case 'ComplaintAssigned':
    case 'ComplaintResolved':
      return [subject, ...employees([event.data.assigneeId])];
    case 'ComplaintDeadlineBreached':
      return [subject, ...employees(event.data.responsibleEmployeeId ? [event.data.responsibleEmployeeId] : [])];
    case 'ComplaintVerdictRecorded':
    case 'ComplaintVerdictReversed':
      return [subject, ...employees(event.data.employeeIds)];
    case 'ComplaintClockStarted':
    case 'ComplaintCallbackRecorded':
      return [subject];
    default:
      return assertNever(event);
  }
}
