import type { CommandMetadata } from '../../shared/command-handling/command-metadata';
import type { WithoutNow } from '../../shared/command-handling/without-now';
import type { TalkObligationCommand } from '../domain/talk-obligation.decider';

export class TalkObligationLifecycleCommand {
  constructor(
    readonly command: WithoutNow<TalkObligationCommand>,
    readonly metadata: CommandMetadata,
  ) {}
}
