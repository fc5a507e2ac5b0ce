import { assertNever } from '../shared/domain/domain-error';
import { streamName } from '../shared/event-store/event-store.port';
import type { TalkObligationEvent } from './domain/talk-obligation.events';

/** One obligation per deduction: its id is the deduction's. */
export const talkObligationStream = (obligationId: string) => streamName('talkObligation', obligationId);

export function talkEventOccurredAt(event: TalkObligationEvent): string {
  switch (event.type) {
    case 'TalkObligationOpened':
      return event.data.openedAt;
    case 'TalkHeld':
      return event.data.heldAt;
    case 'TalkObligationBreached':
      return event.data.dueAt;
    case 'TalkObligationCancelled':
      return event.data.cancelledAt;
    default:
      return assertNever(event);
  }
}

/** The supervisor who owes the talk; the penalised employee only once it is held. */
export function talkEventSubjects(event: TalkObligationEvent): string[] {
  const subjects = [`talkObligation:${event.data.obligationId}`, `employee:${event.data.supervisorId}`];
  if (event.type === 'TalkHeld') subjects.push(`employee:${event.data.employeeId}`);
  return subjects;
}
