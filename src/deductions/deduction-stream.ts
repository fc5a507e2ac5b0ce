import { streamName } from '../shared/event-store/event-store.port';
import { assertNever } from '../shared/domain/domain-error';
import { asDomainEvent } from '../shared/command-handling/handle-command';
import type { EventStore } from '../shared/event-store/event-store.port';
import type { DeductionEvent } from './domain/deduction.events';
import { evolveDeduction, initialDeductionState } from './domain/deduction.state';
import type { DeductionState } from './domain/deduction.state';

export const deductionStream = (deductionId: string) => streamName('deduction', deductionId);

export function deductionEventOccurredAt(event: DeductionEvent): string {
  switch (event.type) {
    case 'DeductionApplied':
      return event.data.occurredAt;
    case 'DeductionContested':
      return event.data.contestedAt;
    case 'HearingRecorded':
      return event.data.heardAt;
    case 'DeductionWithdrawn':
      return event.data.withdrawnAt;
    case 'HearingDeadlineBreached':
      return event.data.dueAt;
    default:
      return assertNever(event);
  }
}

export function deductionEventSubjects(event: DeductionEvent): string[] {
  const subjects = [`deduction:${event.data.deductionId}`, `employee:${event.data.employeeId}`];
  if (event.type === 'DeductionApplied' && event.data.source) {
    const { source } = event.data;
    subjects.push(source.kind === 'complaint' ? `complaint:${source.complaintId}` : source.kind === 'ticket' ? `ticket:${source.ticketId}` : `talkObligation:${source.obligationId}`);
  }
  return subjects;
}

/** The deduction as recorded, read straight from its stream. */
export async function loadDeduction(store: EventStore, deductionId: string): Promise<DeductionState> {
  const events = await store.readStream(deductionStream(deductionId));
  return events.map(asDomainEvent<DeductionEvent>).reduce(evolveDeduction, initialDeductionState);
}
