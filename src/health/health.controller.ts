import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE } from '../shared/event-store/event-store.port';
import type { EventStore } from '../shared/event-store/event-store.port';
import { ProjectorService } from '../shared/projector/projector.service';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly projector: ProjectorService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Liveness and how far the read models have caught up' })
  async health(): Promise<{ status: string; headPosition: number; projections: Record<string, number> }> {
    const headPosition = await this.store.headPosition();
    return { status: 'ok', headPosition, projections: this.projector.projector.positions() };
  }
}
