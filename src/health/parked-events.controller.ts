import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ParkedEventPage } from './health.openapi';
import { PageQueryDto } from '../shared/http/read-query.dto';
import { ProjectorService } from '../shared/projector/projector.service';
import { RequirePermissions } from '../shared/auth/permissions.decorator';

/** Events a projection could not apply, parked for it (see docs/projections.md). */
@ApiTags('health')
@Controller('parked-events')
export class ParkedEventsController {
  constructor(private readonly projector: ProjectorService) {}

  @Get()
  @RequirePermissions('parked-events:read')
  @ApiOperation({ summary: 'Events a read-model projection could not apply (parked for that projection, with the error), by position; a new projection version retries them' })
  @ApiOkResponse({ type: ParkedEventPage })
  async list(@Query() dto: PageQueryDto) {
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
