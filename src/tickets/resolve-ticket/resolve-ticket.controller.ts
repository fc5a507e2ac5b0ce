import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { CommandMetadata } from '../../shared/command-handling/command-metadata';
import { CommandResponse } from '../../shared/command-handling/command-response';
import type { CommandResult } from '../../shared/command-handling/handle-command';
import { ApiCommand } from '../../shared/http/api-command.decorator';
import { CommandMeta, IfMatchRevision } from '../../shared/http/command-metadata.decorator';
import { IdParam } from '../../shared/http/id-param.pipe';
import { toInstant } from '../../shared/http/instant';
import { TicketLifecycleCommand } from '../ticket-lifecycle.command';
import { ResolveTicketDto } from './resolve-ticket.dto';
import { RequirePermissions } from '../../shared/auth/permissions.decorator';

@ApiTags('tickets')
@Controller('tickets')
export class ResolveTicketController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':ticketId/resolution')
  @RequirePermissions('tickets:resolve')
  @ApiCommand('Record that a ticket was resolved')
  async resolve(
    @IdParam('ticketId') ticketId: string,
    @Body() dto: ResolveTicketDto,
    @CommandMeta() metadata: CommandMetadata,
    @IfMatchRevision() revision?: number,
  ): Promise<CommandResponse> {
    const data = { ticketId, resolvedAt: toInstant(dto.resolvedAt), resolution: dto.resolution };
    const result = await this.commandBus.execute<TicketLifecycleCommand, CommandResult>(new TicketLifecycleCommand({ type: 'ResolveTicket', data }, metadata, revision));
    return CommandResponse.of(ticketId, result);
  }
}
