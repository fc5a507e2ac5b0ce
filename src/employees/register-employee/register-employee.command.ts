import type { CommandMetadata } from '../../shared/command-handling/command-metadata';
import type { WithoutNow } from '../../shared/command-handling/without-now';
import type { EmployeeCommand } from '../domain/employee.decider';

export class RegisterEmployeeCommand {
  constructor(
    readonly command: WithoutNow<EmployeeCommand>,
    readonly metadata: CommandMetadata,
    readonly expectedRevision?: number,
  ) {}
}
