import { STAFF_SUBJECT, employeeSubject } from '../../shared/domain/subjects';
import { Inject } from '@nestjs/common';
import { CommandHandler } from '@nestjs/cqrs';
import { CLOCK } from '../../shared/clock';
import type { Clock } from '../../shared/clock';
import { AggregateCommandHandler } from '../../shared/command-handling/aggregate-command.handler';
import type { AggregateStream } from '../../shared/command-handling/aggregate-stream';
import { EVENT_STORE } from '../../shared/event-store/event-store.port';
import type { EventStore } from '../../shared/event-store/event-store.port';
import { employeeDecider } from '../domain/employee.decider';
import type { EmployeeCommand, EmployeeState } from '../domain/employee.decider';
import type { EmployeeEvent } from '../domain/employee.events';
import { employeeStream } from '../load-employee';
import { RegisterEmployeeCommand } from './register-employee.command';

export const employeeAggregate: AggregateStream<EmployeeCommand, EmployeeEvent, EmployeeState, undefined> = {
  decider: employeeDecider,
  streamOf: (command) => employeeStream(command.data.employeeId),
  occurredAt: (event) => event.data.registeredAt,
  subjects: (event) => [employeeSubject(event.data.employeeId), STAFF_SUBJECT],
};

/** An employee's stream: registered once, when the command is recorded. */
@CommandHandler(RegisterEmployeeCommand)
export class RegisterEmployeeHandler extends AggregateCommandHandler<EmployeeCommand, EmployeeEvent, EmployeeState> {
  constructor(@Inject(EVENT_STORE) store: EventStore, @Inject(CLOCK) clock: Clock) {
    super(store, clock, employeeAggregate);
  }
}
