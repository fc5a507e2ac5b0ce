import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { RequirePermissions } from '../../shared/auth/permissions.decorator';
import type { CommandMetadata } from '../../shared/command-handling/command-metadata';
import { CommandResponse } from '../../shared/command-handling/command-response';
import type { CommandResult } from '../../shared/command-handling/handle-command';
import { ApiCommand } from '../../shared/http/api-command.decorator';
import { CommandMeta } from '../../shared/http/command-metadata.decorator';
import { toInstant } from '../../shared/http/instant';
import { DEFAULT_COMPANY } from '../../rulebook/domain/rulebook.types';
import { PeriodParamPipe } from '../period-param.pipe';
import { PeriodLifecycleCommand } from '../period-lifecycle.command';
import { ClosePeriodDto } from './close-period.dto';

@ApiTags('periods')
@Controller('periods')
export class ClosePeriodController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':period/close')
  @RequirePermissions('periods:close')
  @ApiCommand('Close a period: seal every score of it (and apply the department roll-up) as events')
  async close(@Param('period', PeriodParamPipe) period: string, @Body() dto: ClosePeriodDto, @CommandMeta() metadata: CommandMetadata): Promise<CommandResponse> {
    const data = { companyId: DEFAULT_COMPANY, period, closedAt: toInstant(dto.closedAt), departmentHeads: dto.departmentHeads };
    const result = await this.commandBus.execute<PeriodLifecycleCommand, CommandResult>(new PeriodLifecycleCommand({ type: 'ClosePeriod', data }, metadata));
    return CommandResponse.of(period, result);
  }
}
