import type { AggregateMessage } from '../../shared/command-handling/aggregate-command.handler';
import type { CommandMetadata } from '../../shared/command-handling/command-metadata';
import type { WithoutNow } from '../../shared/command-handling/without-now';
import type { RecordSurveyResult } from '../domain/assessment.deciders';

export class RecordSurveyResultCommand implements AggregateMessage<RecordSurveyResult> {
  constructor(
    readonly command: WithoutNow<RecordSurveyResult>,
    readonly metadata: CommandMetadata,
    readonly expectedRevision?: number,
  ) {}
}
