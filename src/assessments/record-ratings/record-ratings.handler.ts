import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLOCK } from '../../shared/clock';
import type { Clock } from '../../shared/clock';
import { APP_CONFIG } from '../../shared/config/app-config';
import type { AppConfig } from '../../shared/config/app-config';
import type { CommandResult } from '../../shared/command-handling/handle-command';
import { EVENT_STORE, streamName } from '../../shared/event-store/event-store.port';
import type { EventStore } from '../../shared/event-store/event-store.port';
import { handleAssessmentCommand } from '../assessment-command.handler';
import { ratingsDecider } from '../domain/assessment.deciders';
import { RecordRatingsCommand } from './record-ratings.command';

@CommandHandler(RecordRatingsCommand)
export class RecordRatingsHandler implements ICommandHandler<RecordRatingsCommand, CommandResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  execute({ data, metadata, expectedRevision }: RecordRatingsCommand): Promise<CommandResult> {
    const deps = { store: this.store, clock: this.clock, timeZone: this.config.timeZone };
    const command = { type: 'RecordRatings' as const, data: { ...data, ratedBy: metadata.actor } };
    return handleAssessmentCommand(deps, streamName('rating', data.ratingId), ratingsDecider, command, metadata, (e) => e.data.ratedAt, expectedRevision);
  }
}
