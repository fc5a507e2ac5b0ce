import type { EventStore } from '../shared/event-store/event-store.port';
import { streamName } from '../shared/event-store/event-store.port';
import { asDomainEvent } from '../shared/command-handling/handle-command';
import { periodDecider } from './domain/period.decider';
import type { PeriodsState } from './domain/period.decider';
import type { PeriodEvent } from './domain/period.events';

export const periodsStream = (companyId: string) => streamName('periods', companyId);

export async function loadPeriods(store: EventStore, companyId: string): Promise<PeriodsState> {
  const events = await store.readStream(periodsStream(companyId));
  return events.map(asDomainEvent<PeriodEvent>).reduce(periodDecider.evolve, periodDecider.initialState);
}

export function closedPeriods(state: PeriodsState): string[] {
  return Object.entries(state.periods).filter(([, status]) => status === 'closed').map(([period]) => period);
}
