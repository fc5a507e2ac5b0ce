import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { CommandMetadata } from '../../shared/command-handling/command-metadata';
import { CommandResponse } from '../../shared/command-handling/command-response';
import type { CommandResult } from '../../shared/command-handling/handle-command';
import { ApiCommand } from '../../shared/http/api-command.decorator';
import { CommandMeta, IfMatchRevision } from '../../shared/http/command-metadata.decorator';
import { toInstant } from '../../shared/http/instant';
import { TicketLifecycleCommand } from '../ticket-lifecycle.command';
import { DispatchTicketDto } from './dispatch-ticket.dto';
import { RequirePermissions } from '../../shared/auth/permissions.decorator';

@ApiTags('tickets')
@Controller('tickets')
export class DispatchTicketController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @RequirePermissions('tickets:dispatch')
  @ApiCommand('Dispatch a work order to an employee, its deadlines fixed by the service-level policy for its kind and priority')
  async dispatch(@Body() dto: DispatchTicketDto, @CommandMeta() metadata: CommandMetadata, @IfMatchRevision() revision?: number): Promise<CommandResponse> {
    const data = { ...dto, dispatchedAt: toInstant(dto.dispatchedAt), resolveBy: dto.resolveBy === undefined ? undefined : toInstant(dto.resolveBy) };
    const result = await this.commandBus.execute<TicketLifecycleCommand, CommandResult>(new TicketLifecycleCommand({ type: 'DispatchTicket', data }, metadata, revision));
    return CommandResponse.of(dto.ticketId, result);
  }
}
