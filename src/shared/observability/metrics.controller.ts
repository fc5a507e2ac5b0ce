import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/permissions.decorator';
import { MetricsService } from './metrics.service';

/**
 * Prometheus scrape endpoint. Public on the bind address, like /health: it holds counts,
 * latencies, positions and statuses, no personal data; keep the port off the internet and
 * let the scraper reach it on the private network (docs/operations.md).
 */
@ApiTags('health')
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: MetricsService) {}

  @Get()
  @Public()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  @ApiOperation({ summary: 'Prometheus metrics: requests by route and status, append latency, head, lag, parked, health, process' })
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'the Prometheus text exposition format', schema: { type: 'string' } })
  scrape(): Promise<string> {
    return this.metrics.scrape();
  }
}
