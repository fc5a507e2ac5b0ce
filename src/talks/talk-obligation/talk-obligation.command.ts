import type { CommandMetadata } from '../../shared/command-handling/command-metadata';
import type { WithoutNow } from '../../shared/command-handling/without-now';
import type { TalkObligationCommand } from '../domain/talk-obligation.decider';

/** Any command on a talk obligation's stream: opened by a penalty, the talk held, its breach, its cancellation. */
export class TalkObligationLifecycleCommand {
  constructor(
    readonly command: WithoutNow<TalkObligationCommand>,
    readonly metadata: CommandMetadata,
    readonly expectedRevision?: number,
  ) {}
}
