import { BadRequestException, Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { CommandMetadata } from '../../shared/command-handling/command-metadata';
import { CommandResponse } from '../../shared/command-handling/command-response';
import type { CommandResult } from '../../shared/command-handling/handle-command';
import { ApiCommand } from '../../shared/http/api-command.decorator';
import { CommandMeta, IfMatchRevision } from '../../shared/http/command-metadata.decorator';
import { toInstant } from '../../shared/http/instant';
import type { DeductionSource } from '../domain/deduction.events';
import { DeductionLifecycleCommand } from '../deduction-lifecycle.command';
import { ApplyDeductionDto } from './apply-deduction.dto';
import { RequirePermissions } from '../../shared/auth/permissions.decorator';
import { CurrentPrincipal } from '../../shared/auth/request-principal';
import { AccessPolicy } from '../../auth/access-policy.service';
import type { Principal } from '../../auth/domain/principal';

@ApiTags('deductions')
@Controller('deductions')
export class ApplyDeductionController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly access: AccessPolicy,
  ) {}

  @Post()
  @RequirePermissions('deductions:apply')
  @ApiCommand('Apply a deduction to an employee under a rule of the catalogue')
  async apply(
    @Body() dto: ApplyDeductionDto,
    @CurrentPrincipal() principal: Principal,
    @CommandMeta() metadata: CommandMetadata,
    @IfMatchRevision() revision?: number,
  ): Promise<CommandResponse> {
    await this.access.applyToEmployee(principal, 'deductions:apply', dto.employeeId);
    const { sourceComplaintId, sourceTicketId, occurredAt, ...rest } = dto;
    const data = { ...rest, occurredAt: toInstant(occurredAt), source: sourceOf(sourceComplaintId, sourceTicketId) };
    if (data.source === undefined) delete data.source;
    const result = await this.commandBus.execute<DeductionLifecycleCommand, CommandResult>(new DeductionLifecycleCommand({ type: 'ApplyDeduction', data }, metadata, revision));
    return CommandResponse.of(dto.deductionId, result);
  }
}

function sourceOf(complaintId?: string, ticketId?: string): DeductionSource | undefined {
  if (complaintId && ticketId) {
    throw new BadRequestException({ statusCode: 400, code: 'invalid_input', message: ['give sourceComplaintId or sourceTicketId, not both'] });
  }
  if (complaintId) return { kind: 'complaint', complaintId };
  if (ticketId) return { kind: 'ticket', ticketId };
  return undefined;
}
