import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLOCK } from '../../shared/clock';
import type { Clock } from '../../shared/clock';
import { handleCommand } from '../../shared/command-handling/handle-command';
import type { CommandResult } from '../../shared/command-handling/handle-command';
import { EVENT_STORE } from '../../shared/event-store/event-store.port';
import type { EventStore } from '../../shared/event-store/event-store.port';
import { employeeDecider } from '../domain/employee.decider';
import { employeeStream } from '../load-employee';
import { RegisterEmployeeCommand } from './register-employee.command';

@CommandHandler(RegisterEmployeeCommand)
export class RegisterEmployeeHandler implements ICommandHandler<RegisterEmployeeCommand, CommandResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ data, metadata, expectedRevision }: RegisterEmployeeCommand): Promise<CommandResult> {
    const registeredAt = this.clock.now().toISOString();
    return handleCommand(
      this.store,
      employeeStream(data.employeeId),
      employeeDecider,
      { type: 'RegisterEmployee', data: { ...data, registeredAt } },
      {
        metadata,
        expectedRevision,
        occurredAt: (event) => event.data.registeredAt,
        subjects: (event) => [`employee:${event.data.employeeId}`],
      },
    );
  }
}
