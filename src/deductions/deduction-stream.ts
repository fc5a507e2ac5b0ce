import { streamName } from '../shared/event-store/event-store.port';
import { assertNever } from '../shared/domain/domain-error';
import type { DeductionEvent } from './domain/deduction.events';

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
