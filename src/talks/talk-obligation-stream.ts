import { businessTimeFrom } from '../shared/command-handling/aggregate-stream';
import { streamName } from '../shared/event-store/event-store.port';
import type { TalkObligationEvent } from './domain/talk-obligation.events';
import { employeeSubject } from '../shared/domain/subjects';

/** One obligation per deduction: its id is the deduction's. */
export const talkObligationStream = (obligationId: string) => streamName('talkObligation', obligationId);

export const talkEventOccurredAt = businessTimeFrom<TalkObligationEvent>({
  TalkObligationOpened: 'openedAt', TalkHeld: 'heldAt', TalkObligationBreached: 'dueAt', TalkObligationCancelled: 'cancelledAt',
});

/** The supervisor who owes the talk; the penalised employee only once it is held. */
export function talkEventSubjects(event: TalkObligationEvent): string[] {
  const subjects = [`talkObligation:${event.data.obligationId}`, employeeSubject(event.data.supervisorId)];
  if (event.type === 'TalkHeld') subjects.push(employeeSubject(event.data.employeeId));
  return subjects;
}
