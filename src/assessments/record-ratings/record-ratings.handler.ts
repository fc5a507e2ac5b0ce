import { Inject } from '@nestjs/common';
import { CommandHandler } from '@nestjs/cqrs';
import { CLOCK } from '../../shared/clock';
import type { Clock } from '../../shared/clock';
import type { CommandMetadata } from '../../shared/command-handling/command-metadata';
import type { WithoutNow } from '../../shared/command-handling/without-now';
import { ASSESSMENT_CONTEXT } from '../../rulebook/assessment-context.port';
import type { AssessmentContextSource } from '../../rulebook/assessment-context.port';
import type { StateOf } from '../../shared/domain/decider';
import { EVENT_STORE, streamName } from '../../shared/event-store/event-store.port';
import type { EventStore } from '../../shared/event-store/event-store.port';
import { AssessmentCommandHandler } from '../assessment-command.handler';
import { ratingsDecider } from '../domain/assessment.deciders';
import type { RecordRatings } from '../domain/assessment.deciders';
import type { RatingsRecorded } from '../domain/assessment.events';
import { RecordRatingsCommand } from './record-ratings.command';

@CommandHandler(RecordRatingsCommand)
export class RecordRatingsHandler extends AssessmentCommandHandler<RecordRatings, RatingsRecorded, StateOf<typeof ratingsDecider>> {
  constructor(@Inject(EVENT_STORE) store: EventStore, @Inject(CLOCK) clock: Clock, @Inject(ASSESSMENT_CONTEXT) assessment: AssessmentContextSource) {
    super(store, clock, assessment, { decider: ratingsDecider, streamOf: (command) => streamName('rating', command.data.ratingId), occurredAt: (event) => event.data.ratedAt });
  }

  protected override fromCaller(command: WithoutNow<RecordRatings>, metadata: CommandMetadata): WithoutNow<RecordRatings> {
    return { ...command, data: { ...command.data, ratedBy: metadata.actor } };
  }
}
