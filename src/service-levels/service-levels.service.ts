import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../shared/config/app-config';
import type { AppConfig } from '../shared/config/app-config';
import { asDomainEvent } from '../shared/command-handling/handle-command';
import { EVENT_STORE, streamName } from '../shared/event-store/event-store.port';
import type { EventStore } from '../shared/event-store/event-store.port';
import { defaultServiceLevels, defaultWorkingCalendar } from './domain/default-service-levels';
import { serviceLevelsDecider } from './domain/service-levels.decider';
import type { ServiceLevelsEvent } from './domain/service-levels.decider';
import { ticketPolicyFor } from './domain/service-level-policy';
import type { ServiceLevelSettings, TicketServiceLevelPolicy } from './domain/service-level-policy';
import type { WorkingCalendar } from './domain/working-calendar';

/** Where the calendar and service levels are defined: one stream for the company. */
export const SERVICE_LEVELS_STREAM = streamName('serviceLevels', 'company');

export interface ServiceLevelsInForce {
  calendar: WorkingCalendar;
  settings: ServiceLevelSettings;
}

/** The calendar and service levels in force: the newest definitions, else the shipped defaults. */
@Injectable()
export class ServiceLevelsService {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async inForce(): Promise<ServiceLevelsInForce> {
    const events = await this.store.readStream(SERVICE_LEVELS_STREAM);
    const state = events.map(asDomainEvent<ServiceLevelsEvent>).reduce(serviceLevelsDecider.evolve, serviceLevelsDecider.initialState);
    return {
      calendar: state.calendar ?? defaultWorkingCalendar(this.config.timeZone),
      settings: state.settings ?? defaultServiceLevels,
    };
  }

  async ticketContext(kind: string, priority: string): Promise<{ calendar: WorkingCalendar; policy?: TicketServiceLevelPolicy }> {
    const { calendar, settings } = await this.inForce();
    return { calendar, policy: ticketPolicyFor(settings, kind, priority) };
  }
}
