import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { LivenessDoc, ReadinessDoc } from './health.openapi';
import type { Response } from 'express';
import { EVENT_STORE } from '../shared/event-store/event-store.port';
import type { EventStore } from '../shared/event-store/event-store.port';
import { HealthRegistry } from '../shared/health/health-registry';
import { ProjectorService } from '../shared/projector/projector.service';
import { Public } from '../shared/auth/permissions.decorator';

/**
 * Liveness (`/health/live`: the process answers) and readiness (`/health`, `/health/ready`: the
 * worst of every registered check). Readiness is 200 while `ok` or `degraded` (with the reasons)
 * and 503 while any check is `failing`.
 */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly projector: ProjectorService,
    private readonly registry: HealthRegistry,
  ) {
    registry.register({
      name: 'event-store',
      check: async () => {
        const health = (await this.store.checkHealth?.()) ?? { healthy: true };
        return health.healthy
          ? { name: 'event-store', status: 'ok' }
          : { name: 'event-store', status: 'failing', reason: health.reason ?? 'the event store does not answer' };
      },
    });
  }

  @Get('live')
  @Public()
  @ApiOperation({ summary: 'Liveness: 200 while the process answers' })
  @ApiOkResponse({ type: LivenessDoc })
  live() {
    return { status: 'ok' };
  }

  @Get()
  @Public()
  @ApiOperation({ summary: 'Readiness: ok, degraded (200, with reasons) or failing (503); the head position and each projection checkpoint' })
  @ApiOkResponse({ type: ReadinessDoc })
  @ApiResponse({ status: 503, type: ReadinessDoc, description: 'failing: the event store does not answer' })
  health(@Res({ passthrough: true }) response: Response) {
    return this.readiness(response);
  }

  @Get('ready')
  @Public()
  @ApiOperation({ summary: 'Readiness, as GET /health' })
  @ApiOkResponse({ type: ReadinessDoc })
  @ApiResponse({ status: 503, type: ReadinessDoc, description: 'failing: the event store does not answer' })
  ready(@Res({ passthrough: true }) response: Response) {
    return this.readiness(response);
  }

  private async readiness(response: Response) {
    const report = await this.registry.report();
    const projections = this.projector.projector.positions();
    if (report.status === 'failing') {
      response.status(503);
      const reason = report.checks.filter((c) => c.status === 'failing').map((c) => `${c.name}: ${c.reason ?? 'failing'}`).join('; ');
      return { status: report.status, reason, checks: report.checks, projections };
    }
    return { status: report.status, headPosition: await this.store.headPosition(), checks: report.checks, projections };
  }
}
