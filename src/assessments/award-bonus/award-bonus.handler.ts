import { Inject } from '@nestjs/common';
import { CommandHandler } from '@nestjs/cqrs';
import { CLOCK } from '../../shared/clock';
import type { Clock } from '../../shared/clock';
import type { CommandMetadata } from '../../shared/command-handling/command-metadata';
import type { WithoutNow } from '../../shared/command-handling/without-now';
import { ASSESSMENT_CONTEXT } from '../../rulebook/assessment-context.port';
import type { AssessmentContextSource } from '../../rulebook/assessment-context.port';
import type { StateOf } from '../../shared/domain/decider';
import { EVENT_STORE, streamName } from '../../shared/event-store/event-store.port';
import type { EventStore } from '../../shared/event-store/event-store.port';
import { AssessmentCommandHandler } from '../assessment-command.handler';
import { bonusDecider } from '../domain/assessment.deciders';
import type { AwardBonus } from '../domain/assessment.deciders';
import type { BonusAwarded } from '../domain/assessment.events';
import { AwardBonusCommand } from './award-bonus.command';

@CommandHandler(AwardBonusCommand)
export class AwardBonusHandler extends AssessmentCommandHandler<AwardBonus, BonusAwarded, StateOf<typeof bonusDecider>> {
  constructor(@Inject(EVENT_STORE) store: EventStore, @Inject(CLOCK) clock: Clock, @Inject(ASSESSMENT_CONTEXT) assessment: AssessmentContextSource) {
    super(store, clock, assessment, { decider: bonusDecider, streamOf: (command) => streamName('bonus', command.data.bonusId), occurredAt: (event) => event.data.occurredAt });
  }

  protected override fromCaller(command: WithoutNow<AwardBonus>, metadata: CommandMetadata): WithoutNow<AwardBonus> {
    return { ...command, data: { ...command.data, awardedBy: metadata.actor } };
  }
}
