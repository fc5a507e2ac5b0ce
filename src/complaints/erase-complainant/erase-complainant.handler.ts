import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLOCK } from '../../shared/clock';
import type { Clock } from '../../shared/clock';
import { handleCommand } from '../../shared/command-handling/handle-command';
import type { CommandResult } from '../../shared/command-handling/handle-command';
import { EVENT_STORE, streamName } from '../../shared/event-store/event-store.port';
import type { EventStore } from '../../shared/event-store/event-store.port';
import { complainantDecider } from '../domain/complainant.decider';
import { ComplainantPrivacy } from '../privacy/complainant-privacy.service';
import { EraseComplainantCommand } from './erase-complainant.command';

/**
 * Destroys the subject's key first, then records the erasure. If the append fails after the key
 * is gone the data is already unreadable, and a retry (the key stays destroyed) records it.
 */
@CommandHandler(EraseComplainantCommand)
export class EraseComplainantHandler implements ICommandHandler<EraseComplainantCommand, CommandResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly privacy: ComplainantPrivacy,
  ) {}

  async execute({ data, metadata }: EraseComplainantCommand): Promise<CommandResult> {
    const now = this.clock.now().toISOString();
    await this.privacy.destroyKey(data.subjectId, now);
    return handleCommand(this.store, streamName('complainant', data.subjectId), complainantDecider, { type: 'EraseComplainant', data, now }, {
      metadata,
      occurredAt: (event) => event.data.erasedAt,
      subjects: (event) => [`complainant:${event.data.subjectId}`],
    });
  }
}
