import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLOCK } from '../../shared/clock';
import type { Clock } from '../../shared/clock';
import type { CommandResult } from '../../shared/command-handling/handle-command';
import { EVENT_STORE } from '../../shared/event-store/event-store.port';
import type { EventStore } from '../../shared/event-store/event-store.port';
import { DEFAULT_COMPANY } from '../domain/rulebook.types';
import { PublishRulebookVersionCommand } from './publish-rulebook-version.command';
import { publishRulebookVersion } from './publish-rulebook-version';

@CommandHandler(PublishRulebookVersionCommand)
export class PublishRulebookVersionHandler implements ICommandHandler<PublishRulebookVersionCommand, CommandResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ rulebook, metadata, expectedRevision }: PublishRulebookVersionCommand): Promise<CommandResult> {
    return publishRulebookVersion(this.store, this.clock, DEFAULT_COMPANY, rulebook, metadata, expectedRevision);
  }
}
