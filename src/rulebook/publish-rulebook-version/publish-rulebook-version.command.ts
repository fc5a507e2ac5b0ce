import type { CommandMetadata } from '../../shared/command-handling/command-metadata';
import type { RulebookVersion } from '../domain/rulebook.types';

export class PublishRulebookVersionCommand {
  constructor(
    readonly rulebook: RulebookVersion,
    readonly metadata: CommandMetadata,
    readonly expectedRevision?: number,
  ) {}
}
