import { periodSubject, employeeSubject } from '../shared/domain/subjects';
import { businessTimeFrom } from '../shared/command-handling/aggregate-stream';
import type { AggregateStream } from '../shared/command-handling/aggregate-stream';
import { deductionDecider } from './domain/deduction.decider';
import type { DeductionContext } from './domain/deduction.decider';
import type { DeductionCommand } from './domain/deduction.commands';
import { streamName } from '../shared/event-store/event-store.port';
import { asDomainEvent } from '../shared/command-handling/handle-command';
import type { EventStore } from '../shared/event-store/event-store.port';
import type { DeductionEvent } from './domain/deduction.events';
import { evolveDeduction, initialDeductionState } from './domain/deduction.state';
import type { DeductionState } from './domain/deduction.state';

export const deductionStream = (deductionId: string) => streamName('deduction', deductionId);

export const deductionEventOccurredAt = businessTimeFrom<DeductionEvent>({
  DeductionApplied: 'occurredAt', DeductionContested: 'contestedAt', HearingRecorded: 'heardAt', DeductionWithdrawn: 'withdrawnAt',
  HearingDeadlineBreached: 'dueAt',
});

export function deductionEventSubjects(event: DeductionEvent): string[] {
  const subjects = [`deduction:${event.data.deductionId}`, employeeSubject(event.data.employeeId)];
  if (event.type === 'DeductionApplied' && event.data.source) {
    const { source } = event.data;
    subjects.push(source.kind === 'complaint' ? `complaint:${source.complaintId}` : source.kind === 'ticket' ? `ticket:${source.ticketId}` : `talkObligation:${source.obligationId}`);
  }
  const period = event.type === 'DeductionApplied' ? event.data.assessment?.period : event.type === 'HearingDeadlineBreached' ? undefined : event.data.period;
  if (period) subjects.push(periodSubject(period));
  return subjects;
}

/** The deduction as recorded, read straight from its stream. */
export async function loadDeduction(store: EventStore, deductionId: string): Promise<DeductionState> {
  const events = await store.readStream(deductionStream(deductionId));
  return events.map(asDomainEvent<DeductionEvent>).reduce(evolveDeduction, initialDeductionState);
}

/** The deduction aggregate: applied, contested, heard, withdrawn, its hearing overdue. */
export const deductionAggregate: AggregateStream<DeductionCommand, DeductionEvent, DeductionState, DeductionContext> = {
  decider: deductionDecider,
  streamOf: (command) => deductionStream(command.data.deductionId),
  occurredAt: deductionEventOccurredAt,
  subjects: deductionEventSubjects,
};
