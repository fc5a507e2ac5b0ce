import { ApiProperty } from '@nestjs/swagger';
import type { CommandResult } from './handle-command';

/** What every command endpoint answers. */
export class CommandResponse {
  @ApiProperty({ description: 'Id of the entity the command acted on' }) id!: string;
  @ApiProperty({ example: 'deduction-D-1' }) streamName!: string;
  @ApiProperty({ description: 'Stream revision after the command; send it as If-Match to guard the next one' }) revision!: number;
  @ApiProperty({ description: 'Global position; pass it as ?minPosition= to a query to read your own write' }) position!: number;
  @ApiProperty({ description: 'Events appended (0 when the effect was already recorded)' }) appended!: number;

  static of(id: string, result: CommandResult): CommandResponse {
    return Object.assign(new CommandResponse(), { id, ...result });
  }
}
