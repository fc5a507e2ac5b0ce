import type { CommandMetadata } from '../../shared/command-handling/command-metadata';
import type { RecordSurveyResult } from '../domain/assessment.deciders';

export class RecordSurveyResultCommand {
  constructor(
    readonly data: RecordSurveyResult['data'],
    readonly metadata: CommandMetadata,
    readonly expectedRevision?: number,
  ) {}
}
