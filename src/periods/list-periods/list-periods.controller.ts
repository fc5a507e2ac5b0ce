import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { RequirePermissions } from '../../shared/auth/permissions.decorator';
import { APP_CONFIG } from '../../shared/config/app-config';
import type { AppConfig } from '../../shared/config/app-config';
import { EVENT_STORE } from '../../shared/event-store/event-store.port';
import type { EventStore } from '../../shared/event-store/event-store.port';
import { loadPeriodViews } from './load-period-views';
import type { PeriodView } from './period-list';
import type { SignedCheckpoint } from '../../integrity/domain/checkpoint';

class PeriodViewDoc implements PeriodView {
  @ApiProperty({ example: '2026-03' }) period!: string;
  @ApiProperty({ enum: ['open', 'closed'] }) state!: 'open' | 'closed';
  @ApiProperty({ format: 'date-time' }) start!: string;
  @ApiProperty({ format: 'date-time' }) end!: string;
  @ApiProperty({ format: 'date-time' }) openedAt!: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) closedAt!: string | null;
  @ApiProperty({ type: Number, nullable: true }) sealedScores!: number | null;
  @ApiProperty({ type: Number, nullable: true }) unratedEmployees!: number | null;
  @ApiProperty({ type: Object, nullable: true, description: "The event log's chain head signed at the close: check it with GET /integrity/public-key (docs/integrity.md)" })
  checkpoint!: SignedCheckpoint | null;
}

class PeriodListDoc {
  @ApiProperty({ type: [PeriodViewDoc] }) periods!: PeriodViewDoc[];
}

@ApiTags('periods')
@Controller('periods')
export class ListPeriodsController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore, @Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Get()
  @RequirePermissions('periods:read')
  @ApiOperation({ summary: 'Every period opened, open or closed, with its bounds and what its close sealed, in calendar order' })
  @ApiOkResponse({ type: PeriodListDoc })
  async list(): Promise<{ periods: PeriodView[] }> {
    return { periods: await loadPeriodViews(this.store, this.config.timeZone) };
  }
}
