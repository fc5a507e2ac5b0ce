import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { RequirePermissions } from '../../shared/auth/permissions.decorator';
import { CurrentPrincipal } from '../../shared/auth/request-principal';
import { AccessPolicy } from '../../auth/access-policy.service';
import type { Principal } from '../../auth/domain/principal';
import type { CommandMetadata } from '../../shared/command-handling/command-metadata';
import { CommandResponse } from '../../shared/command-handling/command-response';
import type { CommandResult } from '../../shared/command-handling/handle-command';
import { ApiCommand } from '../../shared/http/api-command.decorator';
import { CommandMeta, IfMatchRevision } from '../../shared/http/command-metadata.decorator';
import { toInstant } from '../../shared/http/instant';
import { AwardBonusCommand } from './award-bonus.command';
import { AwardBonusDto } from './award-bonus.dto';

@ApiTags('assessments')
@Controller('bonuses')
export class AwardBonusController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly access: AccessPolicy,
  ) {}

  @Post()
  @RequirePermissions('bonuses:award')
  @ApiCommand('Award a bonus under a bonus rule in force at occurredAt')
  async award(@Body() dto: AwardBonusDto, @CommandMeta() metadata: CommandMetadata, @CurrentPrincipal() principal: Principal, @IfMatchRevision() revision?: number): Promise<CommandResponse> {
    await this.access.applyToEmployee(principal, 'bonuses:award', dto.employeeId);
    const result = await this.commandBus.execute<AwardBonusCommand, CommandResult>(new AwardBonusCommand({ type: 'AwardBonus', data: { ...dto, occurredAt: toInstant(dto.occurredAt) } }, metadata, revision));
    return CommandResponse.of(dto.bonusId, result);
  }
}
