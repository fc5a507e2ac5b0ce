import { Body, Controller, Inject, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { CommandMetadata } from '../../shared/command-handling/command-metadata';
import { CommandResponse } from '../../shared/command-handling/command-response';
import type { CommandResult } from '../../shared/command-handling/handle-command';
import { ApiCommand } from '../../shared/http/api-command.decorator';
import { CommandMeta, IfMatchRevision } from '../../shared/http/command-metadata.decorator';
import { IdParam } from '../../shared/http/id-param.pipe';
import { toInstant } from '../../shared/http/instant';
import { EVENT_STORE } from '../../shared/event-store/event-store.port';
import type { EventStore } from '../../shared/event-store/event-store.port';
import { loadDeduction } from '../deduction-stream';
import { DeductionLifecycleCommand } from '../deduction-lifecycle.command';
import { ContestDeductionDto } from './contest-deduction.dto';
import { RequirePermissions } from '../../shared/auth/permissions.decorator';
import { CurrentPrincipal } from '../../shared/auth/request-principal';
import { AccessPolicy } from '../../auth/access-policy.service';
import type { Principal } from '../../auth/domain/principal';

@ApiTags('deductions')
@Controller('deductions')
export class ContestDeductionController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly access: AccessPolicy,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Post(':deductionId/contest')
  @RequirePermissions('deductions:contest')
  @ApiCommand('Record that the employee contests a deduction (员工申诉)')
  async contest(
    @IdParam('deductionId') deductionId: string,
    @Body() dto: ContestDeductionDto,
    @CurrentPrincipal() principal: Principal,
    @CommandMeta() metadata: CommandMetadata,
    @IfMatchRevision() revision?: number,
  ): Promise<CommandResponse> {
    const deduction = await loadDeduction(this.store, deductionId);
    this.access.contestDeduction(principal, deductionId, deduction.status === 'unknown' ? undefined : deduction.applied.employeeId);
    const data = { deductionId, reason: dto.reason, contestedAt: toInstant(dto.contestedAt) };
    const result = await this.commandBus.execute<DeductionLifecycleCommand, CommandResult>(new DeductionLifecycleCommand({ type: 'ContestDeduction', data }, metadata, revision));
    return CommandResponse.of(deductionId, result);
  }
}
