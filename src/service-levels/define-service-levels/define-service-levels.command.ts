import type { CommandMetadata } from '../../shared/command-handling/command-metadata';
import type { ServiceLevelsCommand } from '../domain/service-levels.decider';

export class DefineServiceLevelsCommand {
  constructor(
    readonly command: ServiceLevelsCommand,
    readonly metadata: CommandMetadata,
    readonly expectedRevision?: number,
  ) {}
}
