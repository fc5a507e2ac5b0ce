import type { AggregateMessage } from '../../shared/command-handling/aggregate-command.handler';
import type { CommandMetadata } from '../../shared/command-handling/command-metadata';
import type { WithoutNow } from '../../shared/command-handling/without-now';
import type { AwardBonus } from '../domain/assessment.deciders';

export class AwardBonusCommand implements AggregateMessage<AwardBonus> {
  constructor(
    readonly command: WithoutNow<AwardBonus>,
    readonly metadata: CommandMetadata,
    readonly expectedRevision?: number,
  ) {}
}
