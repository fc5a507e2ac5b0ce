import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { AccessPolicy } from '../../auth/access-policy.service';
import type { Principal } from '../../auth/domain/principal';
import { RequirePermissions } from '../../shared/auth/permissions.decorator';
import { CurrentPrincipal } from '../../shared/auth/request-principal';
import type { CommandMetadata } from '../../shared/command-handling/command-metadata';
import { CommandResponse } from '../../shared/command-handling/command-response';
import type { CommandResult } from '../../shared/command-handling/handle-command';
import type { WithoutNow } from '../../shared/command-handling/without-now';
import { ApiCommand } from '../../shared/http/api-command.decorator';
import { CommandMeta, IfMatchRevision } from '../../shared/http/command-metadata.decorator';
import { IdParam } from '../../shared/http/id-param.pipe';
import { toInstant } from '../../shared/http/instant';
import type { ComplaintCommand } from '../domain/complaint.decider';
import { ComplaintLifecycleCommand } from '../complaint-lifecycle.command';
import { AssignComplaintDto, RecordCallbackDto, RecordVerdictDto, ResolveComplaintDto, ReverseVerdictDto } from './complaint-lifecycle.dto';

@ApiTags('complaints')
@Controller('complaints/:complaintId')
export class ComplaintLifecycleController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly access: AccessPolicy,
  ) {}

  private async run(complaintId: string, command: WithoutNow<ComplaintCommand>, metadata: CommandMetadata, revision?: number) {
    const result = await this.commandBus.execute<ComplaintLifecycleCommand, CommandResult>(new ComplaintLifecycleCommand(command, metadata, revision));
    return CommandResponse.of(complaintId, result);
  }

  @Post('assignment')
  @RequirePermissions('complaints:assign')
  @ApiCommand('Give the complaint to an employee to handle')
  assign(@IdParam('complaintId') complaintId: string, @Body() dto: AssignComplaintDto, @CommandMeta() meta: CommandMetadata, @IfMatchRevision() rev?: number) {
    return this.run(complaintId, { type: 'AssignComplaint', data: { complaintId, ...dto, assignedAt: toInstant(dto.assignedAt) } }, meta, rev);
  }

  @Post('resolution')
  @RequirePermissions('complaints:resolve')
  @ApiCommand('Record the complaint as handled; starts the callback clock')
  resolve(@IdParam('complaintId') complaintId: string, @Body() dto: ResolveComplaintDto, @CommandMeta() meta: CommandMetadata, @IfMatchRevision() rev?: number) {
    return this.run(complaintId, { type: 'ResolveComplaint', data: { complaintId, ...dto, resolvedAt: toInstant(dto.resolvedAt) } }, meta, rev);
  }

  @Post('callback')
  @RequirePermissions('complaints:callback')
  @ApiCommand('Record the callback (回访); an unsatisfied one reopens the complaint')
  callback(@IdParam('complaintId') complaintId: string, @Body() dto: RecordCallbackDto, @CommandMeta() meta: CommandMetadata, @IfMatchRevision() rev?: number) {
    return this.run(complaintId, { type: 'RecordCallback', data: { complaintId, ...dto, calledBackAt: toInstant(dto.calledBackAt) } }, meta, rev);
  }

  @Post('verdict')
  @RequirePermissions('complaints:verdict')
  @ApiCommand('Uphold the complaint against employees (each loses the rule’s points) or dismiss it')
  async verdict(@IdParam('complaintId') complaintId: string, @Body() dto: RecordVerdictDto, @CurrentPrincipal() principal: Principal, @CommandMeta() meta: CommandMetadata, @IfMatchRevision() rev?: number) {
    if (dto.outcome === 'upheld') await this.access.upholdAgainst(principal, dto.employeeIds);
    return this.run(complaintId, { type: 'RecordVerdict', data: { complaintId, ...dto, decidedAt: toInstant(dto.decidedAt) } }, meta, rev);
  }

  @Post('verdict-reversal')
  @RequirePermissions('complaints:verdict')
  @ApiCommand('Reverse the verdict in force; the deductions it caused are withdrawn')
  reverse(@IdParam('complaintId') complaintId: string, @Body() dto: ReverseVerdictDto, @CommandMeta() meta: CommandMetadata, @IfMatchRevision() rev?: number) {
    return this.run(complaintId, { type: 'ReverseVerdict', data: { complaintId, ...dto, reversedAt: toInstant(dto.reversedAt) } }, meta, rev);
  }
}
