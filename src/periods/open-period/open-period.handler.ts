import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLOCK } from '../../shared/clock';
import type { Clock } from '../../shared/clock';
import { APP_CONFIG } from '../../shared/config/app-config';
import type { AppConfig } from '../../shared/config/app-config';
import type { CommandResult } from '../../shared/command-handling/handle-command';
import { EVENT_STORE } from '../../shared/event-store/event-store.port';
import type { EventStore } from '../../shared/event-store/event-store.port';
import { handlePeriodCommand } from '../period-command';
import { OpenPeriodCommand } from './open-period.command';

@CommandHandler(OpenPeriodCommand)
export class OpenPeriodHandler implements ICommandHandler<OpenPeriodCommand, CommandResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  execute({ data, metadata }: OpenPeriodCommand): Promise<CommandResult> {
    return handlePeriodCommand(this.store, this.clock, { type: 'OpenPeriod', data }, metadata, async () => ({ employees: [], timeZone: this.config.timeZone }));
  }
}
