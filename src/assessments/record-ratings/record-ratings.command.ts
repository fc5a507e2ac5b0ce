import type { CommandMetadata } from '../../shared/command-handling/command-metadata';
import type { RecordRatings } from '../domain/assessment.deciders';

export class RecordRatingsCommand {
  constructor(
    readonly data: RecordRatings['data'],
    readonly metadata: CommandMetadata,
    readonly expectedRevision?: number,
  ) {}
}
