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
import { RecordSurveyResultCommand } from './record-survey-result.command';
import { RecordSurveyResultDto } from './record-survey-result.dto';

@ApiTags('assessments')
@Controller('surveys')
export class RecordSurveyResultController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly access: AccessPolicy,
  ) {}

  @Post()
  @RequirePermissions('surveys:record')
  @ApiCommand('Record a satisfaction survey result; the rule turns the shortfall into points')
  async record(@Body() dto: RecordSurveyResultDto, @CommandMeta() metadata: CommandMetadata, @CurrentPrincipal() principal: Principal, @IfMatchRevision() revision?: number): Promise<CommandResponse> {
    await this.access.applyToEmployee(principal, 'surveys:record', dto.employeeId);
    const result = await this.commandBus.execute<RecordSurveyResultCommand, CommandResult>(new RecordSurveyResultCommand({ type: 'RecordSurveyResult', data: { ...dto, surveyedAt: toInstant(dto.surveyedAt) } }, metadata, revision));
    return CommandResponse.of(dto.surveyId, result);
  }
}
