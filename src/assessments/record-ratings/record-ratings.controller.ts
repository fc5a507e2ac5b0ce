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
import { RecordRatingsCommand } from './record-ratings.command';
import { RecordRatingsDto } from './record-ratings.dto';

@ApiTags('assessments')
@Controller('ratings')
export class RecordRatingsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly access: AccessPolicy,
  ) {}

  @Post()
  @RequirePermissions('ratings:record')
  @ApiCommand("Record an assessor's or the panel's ratings of a rated scheme for a period")
  async record(@Body() dto: RecordRatingsDto, @CommandMeta() metadata: CommandMetadata, @CurrentPrincipal() principal: Principal, @IfMatchRevision() revision?: number): Promise<CommandResponse> {
    await this.access.applyToEmployee(principal, 'ratings:record', dto.employeeId);
    const result = await this.commandBus.execute<RecordRatingsCommand, CommandResult>(new RecordRatingsCommand({ type: 'RecordRatings', data: { ...dto, ratedAt: toInstant(dto.ratedAt) } }, metadata, revision));
    return CommandResponse.of(dto.ratingId, result);
  }
}
