import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { EVENT_STORE } from '../shared/event-store/event-store.port';
import type { EventStore } from '../shared/event-store/event-store.port';
import { ProjectorService } from '../shared/projector/projector.service';
import { Public } from '../shared/auth/permissions.decorator';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly projector: ProjectorService,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Whether the event store answers (503 when not), its head position and each projection checkpoint' })
  async health(@Res({ passthrough: true }) response: Response) {
    const projections = this.projector.projector.positions();
    const health = (await this.store.checkHealth?.()) ?? { healthy: true };
    if (!health.healthy) {
      response.status(503);
      return { status: 'unavailable', reason: health.reason ?? 'the event store does not answer', projections };
    }
    return { status: 'ok', headPosition: await this.store.headPosition(), projections };
  }
}
