import type { CommandMetadata } from '../../shared/command-handling/command-metadata';
import type { WithoutNow } from '../../shared/command-handling/without-now';
import type { ServiceLevelsCommand } from '../domain/service-levels.decider';

export class DefineServiceLevelsCommand {
  constructor(
    readonly command: WithoutNow<ServiceLevelsCommand>,
    readonly metadata: CommandMetadata,
    readonly expectedRevision?: number,
  ) {}
}
