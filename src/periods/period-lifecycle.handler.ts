import { PeriodSubjectsUpgrade } from './close-period/period-subjects.upgrade';
import { periodSubject, employeeSubject } from '../shared/domain/subjects';
import { Inject } from '@nestjs/common';
import { CommandHandler } from '@nestjs/cqrs';
import { CLOCK } from '../shared/clock';
import type { Clock } from '../shared/clock';
import { AggregateCommandHandler } from '../shared/command-handling/aggregate-command.handler';
import { businessTimeFrom } from '../shared/command-handling/aggregate-stream';
import type { AggregateStream } from '../shared/command-handling/aggregate-stream';
import type { WithoutNow } from '../shared/command-handling/without-now';
import { APP_CONFIG } from '../shared/config/app-config';
import type { AppConfig } from '../shared/config/app-config';
import { EVENT_STORE } from '../shared/event-store/event-store.port';
import type { EventStore } from '../shared/event-store/event-store.port';
import { DEFAULT_COMPANY } from '../rulebook/domain/rulebook.types';
import { periodDecider } from './domain/period.decider';
import type { PeriodCommand, PeriodContext, PeriodsState } from './domain/period.decider';
import type { PeriodEvent } from './domain/period.events';
import { loadPeriodCloseContext } from './close-period/period-close.context';
import { periodsFold, periodsStream } from './load-periods';
import { PeriodLifecycleCommand } from './period-lifecycle.command';
import { ChainCheckpointer } from '../integrity/checkpoints/chain-checkpointer';

/** The periods aggregate: one stream per company; a close seals every registered employee's period. */
const periodAggregate: AggregateStream<PeriodCommand, PeriodEvent, PeriodsState, PeriodContext> = {
  decider: periodDecider,
  streamOf: () => periodsStream(DEFAULT_COMPANY),
  fold: periodsFold,
  occurredAt: businessTimeFrom<PeriodEvent>({ PeriodOpened: 'openedAt', PeriodClosed: 'closedAt', PeriodScoreSealed: 'closedAt', RollUpPenaltyApplied: 'closedAt' }),
  subjects: (event) => {
    const subjects = [periodSubject(event.data.period)];
    if (event.type === 'PeriodScoreSealed' || event.type === 'RollUpPenaltyApplied') subjects.push(employeeSubject(event.data.employeeId));
    return subjects;
  },
};

/** The company's periods stream: a close seals every registered employee's period, so it decides on all of them. */
@CommandHandler(PeriodLifecycleCommand)
export class PeriodLifecycleHandler extends AggregateCommandHandler<PeriodCommand, PeriodEvent, PeriodsState, PeriodContext> {
  constructor(@Inject(EVENT_STORE) store: EventStore, @Inject(CLOCK) clock: Clock, @Inject(APP_CONFIG) private readonly config: AppConfig, private readonly upgrade: PeriodSubjectsUpgrade, private readonly checkpointer: ChainCheckpointer) {
    super(store, clock, periodAggregate);
  }

  protected override async context(command: WithoutNow<PeriodCommand>): Promise<PeriodContext> {
    if (command.type !== 'ClosePeriod') return { employees: [], timeZone: this.config.timeZone };
    await this.upgrade.ready();
    const context = await loadPeriodCloseContext(this.store, command.data.period, this.config.timeZone);
    // signed after the facts were read, so the seal's checkpoint covers every one the close sealed
    return { ...context, checkpoint: await this.checkpointer.sign() };
  }
}
