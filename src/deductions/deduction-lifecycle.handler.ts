import { Inject } from '@nestjs/common';
import { CommandHandler } from '@nestjs/cqrs';
import { CLOCK } from '../shared/clock';
import type { Clock } from '../shared/clock';
import { AggregateCommandHandler } from '../shared/command-handling/aggregate-command.handler';
import type { CommandMetadata } from '../shared/command-handling/command-metadata';
import type { WithoutNow } from '../shared/command-handling/without-now';
import { EVENT_STORE } from '../shared/event-store/event-store.port';
import type { EventStore } from '../shared/event-store/event-store.port';
import { loadEmployee } from '../employees/load-employee';
import { ASSESSMENT_CONTEXT } from '../rulebook/assessment-context.port';
import type { AssessmentContextSource } from '../rulebook/assessment-context.port';
import type { DeductionContext } from './domain/deduction.decider';
import type { DeductionState } from './domain/deduction.state';
import type { DeductionCommand } from './domain/deduction.commands';
import type { DeductionEvent } from './domain/deduction.events';
import { DeductionLifecycleCommand } from './deduction-lifecycle.command';
import { deductionAggregate } from './deduction-stream';

/** A deduction's stream: applying one needs the employee and the rulebook in force (with the company's time zone for its period). */
@CommandHandler(DeductionLifecycleCommand)
export class DeductionLifecycleHandler extends AggregateCommandHandler<DeductionCommand, DeductionEvent, DeductionState, DeductionContext> {
  constructor(@Inject(EVENT_STORE) store: EventStore, @Inject(CLOCK) clock: Clock, @Inject(ASSESSMENT_CONTEXT) private readonly assessment: AssessmentContextSource) {
    super(store, clock, deductionAggregate);
  }

  protected override fromCaller(command: WithoutNow<DeductionCommand>, metadata: CommandMetadata): WithoutNow<DeductionCommand> {
    return command.type === 'ApplyDeduction' ? { ...command, data: { ...command.data, appliedBy: metadata.actor } } : command;
  }

  protected override async context(command: WithoutNow<DeductionCommand>): Promise<DeductionContext> {
    if (command.type !== 'ApplyDeduction') return { employee: { status: 'unknown' } };
    const [employee, rulebook] = await Promise.all([loadEmployee(this.store, command.data.employeeId), this.assessment.load()]);
    return { employee, rulebook };
  }
}
