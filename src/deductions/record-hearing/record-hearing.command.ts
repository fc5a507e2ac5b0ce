import type { CommandMetadata } from '../../shared/command-handling/command-metadata';
import type { RecordHearing } from '../domain/deduction.commands';

export class RecordHearingCommand {
  constructor(
    readonly data: RecordHearing['data'],
    readonly metadata: CommandMetadata,
    readonly expectedRevision?: number,
  ) {}
}
