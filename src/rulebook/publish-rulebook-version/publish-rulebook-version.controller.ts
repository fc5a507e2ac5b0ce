import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { RequirePermissions } from '../../shared/auth/permissions.decorator';
import type { CommandMetadata } from '../../shared/command-handling/command-metadata';
import { CommandResponse } from '../../shared/command-handling/command-response';
import type { CommandResult } from '../../shared/command-handling/handle-command';
import { ApiCommand } from '../../shared/http/api-command.decorator';
import { CommandMeta, IfMatchRevision } from '../../shared/http/command-metadata.decorator';
import { DEFAULT_COMPANY } from '../domain/rulebook.types';
import type { RulebookVersion } from '../domain/rulebook.types';
import { PublishRulebookVersionCommand } from './publish-rulebook-version.command';
import { PublishRulebookVersionDto } from './publish-rulebook-version.dto';

@ApiTags('rulebook')
@Controller('rulebook/versions')
export class PublishRulebookVersionController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @RequirePermissions('rulebooks:publish')
  @ApiCommand('Publish a rulebook version, in force from its effectiveFrom (validated as a whole)')
  async publish(@Body() dto: PublishRulebookVersionDto, @CommandMeta() metadata: CommandMetadata, @IfMatchRevision() revision?: number): Promise<CommandResponse> {
    const command = new PublishRulebookVersionCommand({ type: 'PublishRulebookVersion', data: { companyId: DEFAULT_COMPANY, rulebook: dto as unknown as RulebookVersion } }, metadata, revision);
    const result = await this.commandBus.execute<PublishRulebookVersionCommand, CommandResult>(command);
    return CommandResponse.of(`v${dto.version}`, result);
  }
}
