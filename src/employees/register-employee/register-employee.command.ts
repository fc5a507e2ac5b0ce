import type { CommandMetadata } from '../../shared/command-handling/command-metadata';

export class RegisterEmployeeCommand {
  constructor(
    readonly data: { employeeId: string; name: string; department: string; position: string; supervisorId?: string },
    readonly metadata: CommandMetadata,
    readonly expectedRevision?: number,
  ) {}
}
