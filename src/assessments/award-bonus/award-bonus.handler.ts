import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLOCK } from '../../shared/clock';
import type { Clock } from '../../shared/clock';
import { APP_CONFIG } from '../../shared/config/app-config';
import type { AppConfig } from '../../shared/config/app-config';
import type { CommandResult } from '../../shared/command-handling/handle-command';
import { EVENT_STORE, streamName } from '../../shared/event-store/event-store.port';
import type { EventStore } from '../../shared/event-store/event-store.port';
import { handleAssessmentCommand } from '../assessment-command.handler';
import { bonusDecider } from '../domain/assessment.deciders';
import { AwardBonusCommand } from './award-bonus.command';

@CommandHandler(AwardBonusCommand)
export class AwardBonusHandler implements ICommandHandler<AwardBonusCommand, CommandResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  execute({ data, metadata, expectedRevision }: AwardBonusCommand): Promise<CommandResult> {
    const deps = { store: this.store, clock: this.clock, timeZone: this.config.timeZone };
    const command = { type: 'AwardBonus' as const, data: { ...data, awardedBy: metadata.actor } };
    return handleAssessmentCommand(deps, streamName('bonus', data.bonusId), bonusDecider, command, metadata, (e) => e.data.occurredAt, expectedRevision);
  }
}
