import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { RequirePermissions } from '../../shared/auth/permissions.decorator';
import type { CommandMetadata } from '../../shared/command-handling/command-metadata';
import { CommandResponse } from '../../shared/command-handling/command-response';
import type { CommandResult } from '../../shared/command-handling/handle-command';
import type { WithoutNow } from '../../shared/command-handling/without-now';
import { ApiCommand } from '../../shared/http/api-command.decorator';
import { CommandMeta, IfMatchRevision } from '../../shared/http/command-metadata.decorator';
import { IdParam } from '../../shared/http/id-param.pipe';
import { toInstant } from '../../shared/http/instant';
import type { TicketCommand } from '../domain/ticket.decider';
import { TicketLifecycleCommand } from '../ticket-lifecycle.command';
import { AcknowledgeTicketDto, CancelTicketDto, CloseTicketDto, PauseTicketDto, ReassignTicketDto, RecordArrivalDto, ResumeTicketDto } from './ticket-lifecycle.dto';

@ApiTags('tickets')
@Controller('tickets/:ticketId')
export class TicketLifecycleController {
  constructor(private readonly commandBus: CommandBus) {}

  private async run(ticketId: string, command: WithoutNow<TicketCommand>, metadata: CommandMetadata, revision?: number) {
    const result = await this.commandBus.execute<TicketLifecycleCommand, CommandResult>(new TicketLifecycleCommand(command, metadata, revision));
    return CommandResponse.of(ticketId, result);
  }

  @Post('acknowledgement')
  @RequirePermissions('tickets:acknowledge')
  @ApiCommand('The assignee acknowledged the work order')
  acknowledge(@IdParam('ticketId') ticketId: string, @Body() dto: AcknowledgeTicketDto, @CommandMeta() meta: CommandMetadata, @IfMatchRevision() rev?: number) {
    return this.run(ticketId, { type: 'AcknowledgeTicket', data: { ticketId, acknowledgedAt: toInstant(dto.acknowledgedAt) } }, meta, rev);
  }

  @Post('arrival')
  @RequirePermissions('tickets:arrive')
  @ApiCommand('The assignee arrived on site')
  arrive(@IdParam('ticketId') ticketId: string, @Body() dto: RecordArrivalDto, @CommandMeta() meta: CommandMetadata, @IfMatchRevision() rev?: number) {
    return this.run(ticketId, { type: 'RecordArrival', data: { ticketId, arrivedAt: toInstant(dto.arrivedAt) } }, meta, rev);
  }

  @Post('closure')
  @RequirePermissions('tickets:close')
  @ApiCommand("Close a resolved ticket on the customer's sign-off")
  close(@IdParam('ticketId') ticketId: string, @Body() dto: CloseTicketDto, @CommandMeta() meta: CommandMetadata, @IfMatchRevision() rev?: number) {
    return this.run(ticketId, { type: 'CloseTicket', data: { ticketId, closedAt: toInstant(dto.closedAt), signedOffBy: dto.signedOffBy } }, meta, rev);
  }

  @Post('reassignment')
  @RequirePermissions('tickets:reassign')
  @ApiCommand('Give an open ticket to another employee; the policy says whether its clocks restart')
  reassign(@IdParam('ticketId') ticketId: string, @Body() dto: ReassignTicketDto, @CommandMeta() meta: CommandMetadata, @IfMatchRevision() rev?: number) {
    return this.run(ticketId, { type: 'ReassignTicket', data: { ticketId, ...dto, reassignedAt: toInstant(dto.reassignedAt) } }, meta, rev);
  }

  @Post('cancellation')
  @RequirePermissions('tickets:cancel')
  @ApiCommand('Cancel an open ticket; its clocks stop')
  cancel(@IdParam('ticketId') ticketId: string, @Body() dto: CancelTicketDto, @CommandMeta() meta: CommandMetadata, @IfMatchRevision() rev?: number) {
    return this.run(ticketId, { type: 'CancelTicket', data: { ticketId, ...dto, cancelledAt: toInstant(dto.cancelledAt) } }, meta, rev);
  }

  @Post('pause')
  @RequirePermissions('tickets:pause')
  @ApiCommand('The ticket waits for the customer or for parts: its clocks stop, if its service-level policy says so (422 policy_does_not_pause otherwise)')
  pause(@IdParam('ticketId') ticketId: string, @Body() dto: PauseTicketDto, @CommandMeta() meta: CommandMetadata, @IfMatchRevision() rev?: number) {
    return this.run(ticketId, { type: 'PauseTicket', data: { ticketId, reason: dto.reason, pausedAt: toInstant(dto.pausedAt) } }, meta, rev);
  }

  @Post('resumption')
  @RequirePermissions('tickets:pause')
  @ApiCommand('The wait is over: the paused clocks run again, their deadlines moved by the paused (working) time')
  resume(@IdParam('ticketId') ticketId: string, @Body() dto: ResumeTicketDto, @CommandMeta() meta: CommandMetadata, @IfMatchRevision() rev?: number) {
    return this.run(ticketId, { type: 'ResumeTicket', data: { ticketId, resumedAt: toInstant(dto.resumedAt) } }, meta, rev);
  }
}
