import type { AggregateMessage } from '../../shared/command-handling/aggregate-command.handler';
import type { CommandMetadata } from '../../shared/command-handling/command-metadata';
import type { WithoutNow } from '../../shared/command-handling/without-now';
import type { RecordRatings } from '../domain/assessment.deciders';

export class RecordRatingsCommand implements AggregateMessage<RecordRatings> {
  constructor(
    readonly command: WithoutNow<RecordRatings>,
    readonly metadata: CommandMetadata,
    readonly expectedRevision?: number,
  ) {}
}
