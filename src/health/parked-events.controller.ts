import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { ProjectorService } from '../shared/projector/projector.service';
import { RequirePermissions } from '../shared/auth/permissions.decorator';

export class ParkedEventsPageDto {
  @ApiPropertyOptional({ default: 100, maximum: 500 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) limit?: number;
  @ApiPropertyOptional({ default: 0 }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) offset?: number;
}

/** Events a projection could not apply, parked for it (see docs/projections.md). */
@ApiTags('health')
@Controller('parked-events')
export class ParkedEventsController {
  constructor(private readonly projector: ProjectorService) {}

  @Get()
  @RequirePermissions('parked-events:read')
  @ApiOperation({ summary: 'Events a read-model projection could not apply (parked for that projection, with the error), by position; a new projection version retries them' })
  async list(@Query() dto: ParkedEventsPageDto) {
    const limit = dto.limit ?? 100;
    const offset = dto.offset ?? 0;
    const { items, total } = await this.projector.parkedEvents({ skip: offset, limit });
    return {
      total,
      limit,
      offset,
      items: items.map(({ _id, checkpoint, ...rest }) => ({ ...rest, readModel: checkpoint, id: _id })),
    };
  }
}
