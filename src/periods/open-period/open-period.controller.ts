import { Body, Controller, Post } from '@nestjs/common';
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
import { PeriodLifecycleCommand } from '../period-lifecycle.command';
import { OpenPeriodDto } from './open-period.dto';

@ApiTags('periods')
@Controller('periods')
export class OpenPeriodController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @RequirePermissions('periods:open')
  @ApiCommand('Open an assessment period of the company (YYYY-MM, YYYY-Qn, YYYY-Hn or YYYY)')
  async open(@Body() dto: OpenPeriodDto, @CommandMeta() metadata: CommandMetadata): Promise<CommandResponse> {
    const data = { companyId: DEFAULT_COMPANY, period: dto.period, openedAt: toInstant(dto.openedAt) };
    const result = await this.commandBus.execute<PeriodLifecycleCommand, CommandResult>(new PeriodLifecycleCommand({ type: 'OpenPeriod', data }, metadata));
    return CommandResponse.of(dto.period, result);
  }
}
