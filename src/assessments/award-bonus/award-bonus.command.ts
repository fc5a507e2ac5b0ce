import type { CommandMetadata } from '../../shared/command-handling/command-metadata';
import type { AwardBonus } from '../domain/assessment.deciders';

export class AwardBonusCommand {
  constructor(
    readonly data: AwardBonus['data'],
    readonly metadata: CommandMetadata,
    readonly expectedRevision?: number,
  ) {}
}
