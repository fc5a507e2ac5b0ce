import { Inject } from '@nestjs/common';
import { CommandHandler } from '@nestjs/cqrs';
import { CLOCK } from '../../shared/clock';
import type { Clock } from '../../shared/clock';
import { AggregateCommandHandler } from '../../shared/command-handling/aggregate-command.handler';
import type { AggregateStream } from '../../shared/command-handling/aggregate-stream';
import { EVENT_STORE } from '../../shared/event-store/event-store.port';
import type { EventStore } from '../../shared/event-store/event-store.port';
import { rulebookDecider } from '../domain/rulebook.decider';
import type { PublishRulebookVersion, RulebookState } from '../domain/rulebook.decider';
import type { RulebookEvent } from '../domain/rulebook.events';
import { rulebookStream } from '../load-rulebook';
import { PublishRulebookVersionCommand } from './publish-rulebook-version.command';

const rulebookAggregate: AggregateStream<PublishRulebookVersion, RulebookEvent, RulebookState, undefined> = {
  decider: rulebookDecider,
  streamOf: (command) => rulebookStream(command.data.companyId),
  occurredAt: (event) => event.data.rulebook.effectiveFrom,
  subjects: (event) => [`rulebook:${event.data.companyId}`],
};

/**
 * A company's `rulebook-<companyId>` stream: versions published over HTTP, by `npm run load-rulebook`
 * and on the first start all go through this one declaration (the CLI and the first-start publisher
 * construct it directly).
 */
@CommandHandler(PublishRulebookVersionCommand)
export class PublishRulebookVersionHandler extends AggregateCommandHandler<PublishRulebookVersion, RulebookEvent, RulebookState> {
  constructor(@Inject(EVENT_STORE) store: EventStore, @Inject(CLOCK) clock: Clock) {
    super(store, clock, rulebookAggregate);
  }
}
