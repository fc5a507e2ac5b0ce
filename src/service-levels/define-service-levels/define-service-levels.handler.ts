import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { handleCommand } from '../../shared/command-handling/handle-command';
import type { CommandResult } from '../../shared/command-handling/handle-command';
import { EVENT_STORE } from '../../shared/event-store/event-store.port';
import type { EventStore } from '../../shared/event-store/event-store.port';
import { serviceLevelsDecider } from '../domain/service-levels.decider';
import { SERVICE_LEVELS_STREAM } from '../service-levels.service';
import { DefineServiceLevelsCommand } from './define-service-levels.command';

@CommandHandler(DefineServiceLevelsCommand)
export class DefineServiceLevelsHandler implements ICommandHandler<DefineServiceLevelsCommand, CommandResult> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ command, metadata, expectedRevision }: DefineServiceLevelsCommand): Promise<CommandResult> {
    return handleCommand(this.store, SERVICE_LEVELS_STREAM, serviceLevelsDecider, command, {
      metadata,
      expectedRevision,
      occurredAt: (event) => event.data.definedAt,
      subjects: () => ['serviceLevels:company'],
    });
  }
}
