import { businessTimeFrom } from '../shared/command-handling/aggregate-stream';
import type { AggregateStream } from '../shared/command-handling/aggregate-stream';
import { complaintDecider } from './domain/complaint.decider';
import type { ComplaintCommand, ComplaintContext, ComplaintState } from './domain/complaint.decider';
import { assertNever } from '../shared/domain/domain-error';
import { streamName } from '../shared/event-store/event-store.port';
import type { ComplaintEvent } from './domain/complaint.events';
import { employeeSubject } from '../shared/domain/subjects';

export const complaintStream = (complaintId: string) => streamName('complaint', complaintId);

export const complaintEventOccurredAt = businessTimeFrom<ComplaintEvent>({
  ComplaintReceived: 'receivedAt', ComplaintClockStarted: 'startedAt', ComplaintAssigned: 'assignedAt', ComplaintResolved: 'resolvedAt',
  ComplaintCallbackRecorded: 'calledBackAt', ComplaintDeadlineBreached: 'dueAt', ComplaintVerdictRecorded: 'decidedAt',
  ComplaintVerdictReversed: 'reversedAt',
});

export function complaintEventSubjects(event: ComplaintEvent): string[] {
  const employees = (ids: string[]) => ids.map(employeeSubject);
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

/** The complaint aggregate: received, its clock started, assigned, resolved, called back, breached, judged, its verdict reversed. */
export const complaintAggregate: AggregateStream<ComplaintCommand, ComplaintEvent, ComplaintState, ComplaintContext | undefined> = {
  decider: complaintDecider,
  streamOf: (command) => complaintStream(command.data.complaintId),
  occurredAt: complaintEventOccurredAt,
  subjects: complaintEventSubjects,
};
