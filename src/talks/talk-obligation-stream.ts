import { businessTimeFrom } from '../shared/command-handling/aggregate-stream';
import type { AggregateStream } from '../shared/command-handling/aggregate-stream';
import { talkObligationDecider } from './domain/talk-obligation.decider';
import type { TalkObligationCommand, TalkObligationContext, TalkObligationState } from './domain/talk-obligation.decider';
import { streamName } from '../shared/event-store/event-store.port';
import type { TalkObligationEvent } from './domain/talk-obligation.events';

/** One obligation per deduction: its id is the deduction's. */
export const talkObligationStream = (obligationId: string) => streamName('talkObligation', obligationId);

export const talkEventOccurredAt = businessTimeFrom<TalkObligationEvent>({
  TalkObligationOpened: 'openedAt', TalkHeld: 'heldAt', TalkObligationBreached: 'dueAt', TalkObligationCancelled: 'cancelledAt',
});

/** The supervisor who owes the talk; the penalised employee only once it is held. */
export function talkEventSubjects(event: TalkObligationEvent): string[] {
  const subjects = [`talkObligation:${event.data.obligationId}`, `employee:${event.data.supervisorId}`];
  if (event.type === 'TalkHeld') subjects.push(`employee:${event.data.employeeId}`);
  return subjects;
}

/** The talk obligation aggregate: opened by a penalty, held, breached or cancelled. */
export const talkObligationAggregate: AggregateStream<TalkObligationCommand, TalkObligationEvent, TalkObligationState, TalkObligationContext | undefined> = {
  decider: talkObligationDecider,
  streamOf: (command) => talkObligationStream(command.data.obligationId),
  occurredAt: talkEventOccurredAt,
  subjects: talkEventSubjects,
};
