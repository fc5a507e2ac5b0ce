import type { CommandMetadata } from '../../shared/command-handling/command-metadata';
import type { EraseComplainant } from '../domain/complainant.decider';

export class EraseComplainantCommand {
  constructor(
    readonly data: EraseComplainant['data'],
    readonly metadata: CommandMetadata,
  ) {}
}
