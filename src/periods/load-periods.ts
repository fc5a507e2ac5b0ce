import type { EventStore } from '../shared/event-store/event-store.port';
import { streamName } from '../shared/event-store/event-store.port';
import { CachedStreamFold } from '../shared/command-handling/cached-stream-fold';
import { periodDecider } from './domain/period.decider';
import type { PeriodsState } from './domain/period.decider';
import type { PeriodEvent } from './domain/period.events';

export const periodsStream = (companyId: string) => streamName('periods', companyId);

const periods = new CachedStreamFold<PeriodEvent, PeriodsState>(periodDecider.evolve, periodDecider.initialState);

/** The company's periods (each close appends thousands of sealed scores: folded once, then only what is new). */
export function loadPeriods(store: EventStore, companyId: string): Promise<PeriodsState> {
  return periods.load(store, periodsStream(companyId));
}

export function closedPeriods(state: PeriodsState): string[] {
  return Object.entries(state.periods).filter(([, status]) => status === 'closed').map(([period]) => period);
}
