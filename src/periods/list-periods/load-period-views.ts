import { asDomainEvent } from '../../shared/command-handling/handle-command';
import type { EventStore } from '../../shared/event-store/event-store.port';
import { DEFAULT_COMPANY } from '../../rulebook/domain/rulebook.types';
import type { PeriodEvent } from '../domain/period.events';
import { periodStateTypes, periodsStream } from '../load-periods';
import { periodList } from './period-list';
import type { PeriodView } from './period-list';

/** The company's periods as GET /periods lists them, read from their openings and closings. */
export async function loadPeriodViews(store: EventStore, timeZone: string): Promise<PeriodView[]> {
  const events = (await store.readStream(periodsStream(DEFAULT_COMPANY), { eventTypes: periodStateTypes })).map(asDomainEvent<PeriodEvent>);
  return periodList(events, timeZone);
}
