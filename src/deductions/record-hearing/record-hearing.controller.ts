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
import { DeductionLifecycleCommand } from '../deduction-lifecycle.command';
import { RecordHearingDto } from './record-hearing.dto';
import { RequirePermissions } from '../../shared/auth/permissions.decorator';
import { CurrentPrincipal } from '../../shared/auth/request-principal';
import { AccessPolicy } from '../../auth/access-policy.service';
import type { Principal } from '../../auth/domain/principal';

@ApiTags('hearings')
@Controller('deductions')
export class RecordHearingController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly access: AccessPolicy,
  ) {}

  @Post(':deductionId/hearing')
  @RequirePermissions('hearings:record')
  @ApiCommand("Record the panel's hearing of a contested deduction: upheld, reduced or overturned")
  async record(
    @IdParam('deductionId') deductionId: string,
    @Body() dto: RecordHearingDto,
    @CurrentPrincipal() principal: Principal,
    @CommandMeta() metadata: CommandMetadata,
    @IfMatchRevision() revision?: number,
  ): Promise<CommandResponse> {
    this.access.recordHearing(principal, dto.panel);
    const data = { deductionId, ...dto, heardAt: toInstant(dto.heardAt) };
    const result = await this.commandBus.execute<DeductionLifecycleCommand, CommandResult>(new DeductionLifecycleCommand({ type: 'RecordHearing', data }, metadata, revision));
    return CommandResponse.of(deductionId, result);
  }
}
