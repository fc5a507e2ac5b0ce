import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLOCK } from '../../shared/clock';
import { APP_CONFIG } from '../../shared/config/app-config';
import type { AppConfig } from '../../shared/config/app-config';
import type { Clock } from '../../shared/clock';
import type { CommandResult } from '../../shared/command-handling/handle-command';
import { EVENT_STORE } from '../../shared/event-store/event-store.port';
import type { EventStore } from '../../shared/event-store/event-store.port';
import { handleDeductionCommand } from '../deduction-command.handler';
import { ApplyDeductionCommand } from './apply-deduction.command';

@CommandHandler(ApplyDeductionCommand)
export class ApplyDeductionHandler implements ICommandHandler<ApplyDeductionCommand, CommandResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  execute({ data, metadata, expectedRevision }: ApplyDeductionCommand): Promise<CommandResult> {
    return handleDeductionCommand(this.store, this.clock, { type: 'ApplyDeduction', data: { ...data, appliedBy: metadata.actor } }, metadata, expectedRevision, this.config.timeZone);
  }
}
