import { Inject } from '@nestjs/common';
import { CommandHandler } from '@nestjs/cqrs';
import { CLOCK } from '../../shared/clock';
import type { Clock } from '../../shared/clock';
import { AggregateCommandHandler } from '../../shared/command-handling/aggregate-command.handler';
import type { WithoutNow } from '../../shared/command-handling/without-now';
import { EVENT_STORE } from '../../shared/event-store/event-store.port';
import type { EventStore } from '../../shared/event-store/event-store.port';
import { loadEmployee } from '../../employees/load-employee';
import { ServiceLevelsService } from '../../service-levels/service-levels.service';
import { talkObligationDecider } from '../domain/talk-obligation.decider';
import type { TalkObligationCommand, TalkObligationContext, TalkObligationState } from '../domain/talk-obligation.decider';
import type { AggregateStream } from '../../shared/command-handling/aggregate-stream';
import type { TalkObligationEvent } from '../domain/talk-obligation.events';
import { talkEventOccurredAt, talkEventSubjects, talkObligationStream } from '../talk-obligation-stream';
import { TalkObligationLifecycleCommand } from './talk-obligation.command';

/** The talk obligation aggregate: opened by a penalty, held, breached or cancelled. */
const talkObligationAggregate: AggregateStream<TalkObligationCommand, TalkObligationEvent, TalkObligationState, TalkObligationContext | undefined> = {
  decider: talkObligationDecider,
  streamOf: (command) => talkObligationStream(command.data.obligationId),
  occurredAt: talkEventOccurredAt,
  subjects: talkEventSubjects,
};

/** A talk obligation's stream: opening one needs the employee, their supervisor and the talk's service level. */
@CommandHandler(TalkObligationLifecycleCommand)
export class TalkObligationHandler extends AggregateCommandHandler<TalkObligationCommand, TalkObligationEvent, TalkObligationState, TalkObligationContext | undefined> {
  constructor(@Inject(EVENT_STORE) store: EventStore, @Inject(CLOCK) clock: Clock, private readonly serviceLevels: ServiceLevelsService) {
    super(store, clock, talkObligationAggregate);
  }

  protected override async context(command: WithoutNow<TalkObligationCommand>): Promise<TalkObligationContext> {
    if (command.type !== 'OpenTalkObligation') return {};
    const employee = await loadEmployee(this.store, command.data.employeeId);
    const supervisorId = employee.status === 'registered' ? employee.supervisorId : undefined;
    const supervisor = supervisorId ? await loadEmployee(this.store, supervisorId) : undefined;
    const { calendar, settings } = await this.serviceLevels.inForce();
    return { employee, supervisor, calendar, talk: settings.talk };
  }
}
