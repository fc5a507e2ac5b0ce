import { Inject } from '@nestjs/common';
import { CommandHandler } from '@nestjs/cqrs';
import { CLOCK } from '../../shared/clock';
import type { Clock } from '../../shared/clock';
import { AggregateCommandHandler } from '../../shared/command-handling/aggregate-command.handler';
import type { AggregateStream } from '../../shared/command-handling/aggregate-stream';
import { EVENT_STORE } from '../../shared/event-store/event-store.port';
import type { EventStore } from '../../shared/event-store/event-store.port';
import { serviceLevelsDecider } from '../domain/service-levels.decider';
import type { ServiceLevelsCommand, ServiceLevelsEvent, ServiceLevelsState } from '../domain/service-levels.decider';
import { SERVICE_LEVELS_STREAM } from '../service-levels.service';
import { DefineServiceLevelsCommand } from './define-service-levels.command';

const serviceLevelsAggregate: AggregateStream<ServiceLevelsCommand, ServiceLevelsEvent, ServiceLevelsState, undefined> = {
  decider: serviceLevelsDecider,
  streamOf: () => SERVICE_LEVELS_STREAM,
  occurredAt: (event) => event.data.definedAt,
  subjects: () => ['serviceLevels:company'],
};

/** The company's working calendar and service levels: each definition in force from when it is recorded. */
@CommandHandler(DefineServiceLevelsCommand)
export class DefineServiceLevelsHandler extends AggregateCommandHandler<ServiceLevelsCommand, ServiceLevelsEvent, ServiceLevelsState> {
  constructor(@Inject(EVENT_STORE) store: EventStore, @Inject(CLOCK) clock: Clock) {
    super(store, clock, serviceLevelsAggregate);
  }
}
