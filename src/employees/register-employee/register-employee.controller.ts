import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { CommandMetadata } from '../../shared/command-handling/command-metadata';
import { CommandResponse } from '../../shared/command-handling/command-response';
import type { CommandResult } from '../../shared/command-handling/handle-command';
import { CommandMeta, IfMatchRevision } from '../../shared/http/command-metadata.decorator';
import { ApiCommand } from '../../shared/http/api-command.decorator';
import { RegisterEmployeeCommand } from './register-employee.command';
import { RegisterEmployeeDto } from './register-employee.dto';
import { RequirePermissions } from '../../shared/auth/permissions.decorator';

@ApiTags('employees')
@Controller('employees')
export class RegisterEmployeeController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @RequirePermissions('employees:register')
  @ApiCommand('Register an employee with their department and position')
  async register(@Body() dto: RegisterEmployeeDto, @CommandMeta() metadata: CommandMetadata, @IfMatchRevision() revision?: number): Promise<CommandResponse> {
    const result = await this.commandBus.execute<RegisterEmployeeCommand, CommandResult>(new RegisterEmployeeCommand({ type: 'RegisterEmployee', data: { ...dto } }, metadata, revision));
    return CommandResponse.of(dto.employeeId, result);
  }
}
