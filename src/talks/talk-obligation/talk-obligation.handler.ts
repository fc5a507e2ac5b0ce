import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLOCK } from '../../shared/clock';
import type { Clock } from '../../shared/clock';
import { handleCommand } from '../../shared/command-handling/handle-command';
import type { CommandResult } from '../../shared/command-handling/handle-command';
import { EVENT_STORE } from '../../shared/event-store/event-store.port';
import type { EventStore } from '../../shared/event-store/event-store.port';
import { loadEmployee } from '../../employees/load-employee';
import { ServiceLevelsService } from '../../service-levels/service-levels.service';
import { talkObligationDecider } from '../domain/talk-obligation.decider';
import type { TalkObligationCommand, TalkObligationContext } from '../domain/talk-obligation.decider';
import { talkEventOccurredAt, talkEventSubjects, talkObligationStream } from '../talk-obligation-stream';
import { TalkObligationLifecycleCommand } from './talk-obligation.command';

@CommandHandler(TalkObligationLifecycleCommand)
export class TalkObligationHandler implements ICommandHandler<TalkObligationLifecycleCommand, CommandResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly serviceLevels: ServiceLevelsService,
  ) {}

  execute({ command, metadata }: TalkObligationLifecycleCommand): Promise<CommandResult> {
    const now = this.clock.now().toISOString();
    const context = async (): Promise<TalkObligationContext> => {
      if (command.type !== 'OpenTalkObligation') return {};
      const employee = await loadEmployee(this.store, command.data.employeeId);
      const supervisorId = employee.status === 'registered' ? employee.supervisorId : undefined;
      const supervisor = supervisorId ? await loadEmployee(this.store, supervisorId) : undefined;
      const { calendar, settings } = await this.serviceLevels.inForce();
      return { employee, supervisor, calendar, talk: settings.talk };
    };
    return handleCommand(
      this.store,
      talkObligationStream(command.data.obligationId),
      talkObligationDecider,
      withOpeningTime(command, now),
      { metadata, context, occurredAt: talkEventOccurredAt, subjects: talkEventSubjects },
    );
  }
}

/** An obligation opens when the service learns of the penalty, unless the caller says when. */
function withOpeningTime(command: TalkObligationLifecycleCommand['command'], now: string): TalkObligationCommand {
  if (command.type === 'OpenTalkObligation') return { ...command, data: { ...command.data, openedAt: command.data.openedAt ?? now }, now };
  return { ...command, now } as TalkObligationCommand;
}
