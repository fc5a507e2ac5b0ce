import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermissions } from '../../shared/auth/permissions.decorator';
import { asDomainEvent } from '../../shared/command-handling/handle-command';
import { APP_CONFIG } from '../../shared/config/app-config';
import type { AppConfig } from '../../shared/config/app-config';
import { EVENT_STORE } from '../../shared/event-store/event-store.port';
import type { EventStore } from '../../shared/event-store/event-store.port';
import { DEFAULT_COMPANY } from '../../rulebook/domain/rulebook.types';
import type { PeriodEvent } from '../domain/period.events';
import { periodsStream } from '../load-periods';
import { periodList } from './period-list';
import type { PeriodView } from './period-list';

@ApiTags('periods')
@Controller('periods')
export class ListPeriodsController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore, @Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Get()
  @RequirePermissions('periods:read')
  @ApiOperation({ summary: 'Every period opened, open or closed, with its bounds and what its close sealed, in calendar order' })
  async list(): Promise<{ periods: PeriodView[] }> {
    const events = (await this.store.readStream(periodsStream(DEFAULT_COMPANY))).map(asDomainEvent<PeriodEvent>);
    return { periods: periodList(events, this.config.timeZone) };
  }
}
