import type { AggregateMessage } from '../../shared/command-handling/aggregate-command.handler';
import type { CommandMetadata } from '../../shared/command-handling/command-metadata';
import type { WithoutNow } from '../../shared/command-handling/without-now';
import type { PublishRulebookVersion } from '../domain/rulebook.decider';

export class PublishRulebookVersionCommand implements AggregateMessage<PublishRulebookVersion> {
  constructor(
    readonly command: WithoutNow<PublishRulebookVersion>,
    readonly metadata: CommandMetadata,
    readonly expectedRevision?: number,
  ) {}
}
