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
import { RecordHearingCommand } from './record-hearing.command';
import { RecordHearingDto } from './record-hearing.dto';
import { RequirePermissions } from '../../shared/auth/permissions.decorator';

@ApiTags('hearings')
@Controller('deductions')
export class RecordHearingController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':deductionId/hearing')
  @RequirePermissions('hearings:record')
  @ApiCommand("Record the panel's hearing of a contested deduction: upheld, reduced or overturned")
  async record(
    @IdParam('deductionId') deductionId: string,
    @Body() dto: RecordHearingDto,
    @CommandMeta() metadata: CommandMetadata,
    @IfMatchRevision() revision?: number,
  ): Promise<CommandResponse> {
    const data = { deductionId, ...dto, heardAt: toInstant(dto.heardAt) };
    const result = await this.commandBus.execute<RecordHearingCommand, CommandResult>(new RecordHearingCommand(data, metadata, revision));
    return CommandResponse.of(deductionId, result);
  }
}
