import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { RequirePermissions } from '../../shared/auth/permissions.decorator';
import type { CommandMetadata } from '../../shared/command-handling/command-metadata';
import { CommandResponse } from '../../shared/command-handling/command-response';
import type { CommandResult } from '../../shared/command-handling/handle-command';
import { ApiCommand } from '../../shared/http/api-command.decorator';
import { CommandMeta } from '../../shared/http/command-metadata.decorator';
import { IdParam } from '../../shared/http/id-param.pipe';
import { EraseComplainantCommand } from './erase-complainant.command';
import { EraseComplainantDto } from './erase-complainant.dto';

@ApiTags('complaints')
@Controller('complainants')
export class EraseComplainantController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':subjectId/erasure')
  @RequirePermissions('complainants:erase')
  @ApiCommand("Erase a complainant: destroy their key, so their personal data in every complaint reads as [erased]")
  async erase(@IdParam('subjectId') subjectId: string, @Body() dto: EraseComplainantDto, @CommandMeta() metadata: CommandMetadata): Promise<CommandResponse> {
    const result = await this.commandBus.execute<EraseComplainantCommand, CommandResult>(new EraseComplainantCommand({ subjectId, reason: dto.reason }, metadata));
    return CommandResponse.of(subjectId, result);
  }
}
