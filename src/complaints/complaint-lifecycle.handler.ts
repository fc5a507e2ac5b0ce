import { Inject } from '@nestjs/common';
import { CommandHandler } from '@nestjs/cqrs';
import { CLOCK } from '../shared/clock';
import type { Clock } from '../shared/clock';
import { AggregateCommandHandler } from '../shared/command-handling/aggregate-command.handler';
import type { WithoutNow } from '../shared/command-handling/without-now';
import { EVENT_STORE } from '../shared/event-store/event-store.port';
import type { EventStore } from '../shared/event-store/event-store.port';
import { loadEmployee } from '../employees/load-employee';
import { ServiceLevelsService } from '../service-levels/service-levels.service';
import type { ComplaintCommand, ComplaintContext, ComplaintState } from './domain/complaint.decider';
import type { ComplaintEvent } from './domain/complaint.events';
import { ComplaintLifecycleCommand } from './complaint-lifecycle.command';
import { complaintAggregate } from './complaint-stream';

/** A complaint's stream: every command decides with the calendar and service levels in force; an assignment also with the assignee. */
@CommandHandler(ComplaintLifecycleCommand)
export class ComplaintLifecycleHandler extends AggregateCommandHandler<ComplaintCommand, ComplaintEvent, ComplaintState, ComplaintContext | undefined> {
  constructor(@Inject(EVENT_STORE) store: EventStore, @Inject(CLOCK) clock: Clock, private readonly serviceLevels: ServiceLevelsService) {
    super(store, clock, complaintAggregate);
  }

  protected override async context(command: WithoutNow<ComplaintCommand>): Promise<ComplaintContext> {
    const { calendar, settings } = await this.serviceLevels.inForce();
    const assignee = command.type === 'AssignComplaint' ? await loadEmployee(this.store, command.data.assigneeId) : undefined;
    return { calendar, serviceLevels: settings.complaint, ...(assignee ? { assignee } : {}) };
  }
}
