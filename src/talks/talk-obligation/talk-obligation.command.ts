import type { CommandMetadata } from '../../shared/command-handling/command-metadata';
import type { WithoutNow } from '../../shared/command-handling/without-now';
import type { TalkObligationCommand } from '../domain/talk-obligation.decider';

type OpenWithoutTime = { type: 'OpenTalkObligation'; data: { obligationId: string; deductionId: string; employeeId: string; openedAt?: string } };

export class TalkObligationLifecycleCommand {
  constructor(
    readonly command: Exclude<WithoutNow<TalkObligationCommand>, { type: 'OpenTalkObligation' }> | OpenWithoutTime,
    readonly metadata: CommandMetadata,
  ) {}
}
