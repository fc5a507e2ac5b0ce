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
import { toInstant } from '../../shared/http/instant';
import { RecordTalkDto } from './record-talk.dto';
import { TalkObligationLifecycleCommand } from './talk-obligation.command';

@ApiTags('talk-obligations')
@Controller('talk-obligations')
export class RecordTalkController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':obligationId/talk')
  @RequirePermissions('talks:record')
  @ApiCommand('The supervisor held the talk a penalty requires (001:1239)')
  async record(@IdParam('obligationId') obligationId: string, @Body() dto: RecordTalkDto, @CommandMeta() metadata: CommandMetadata) {
    const command = { type: 'RecordTalk' as const, data: { obligationId, heldAt: toInstant(dto.heldAt), notes: dto.notes } };
    const result = await this.commandBus.execute<TalkObligationLifecycleCommand, CommandResult>(new TalkObligationLifecycleCommand(command, metadata));
    return CommandResponse.of(obligationId, result);
  }
}
