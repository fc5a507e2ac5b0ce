import type { EventStore } from '../shared/event-store/event-store.port';
import { streamName } from '../shared/event-store/event-store.port';
import { CachedStreamFold } from '../shared/command-handling/cached-stream-fold';
import { selectedTypes } from '../shared/domain/decider';
import { periodDecider } from './domain/period.decider';
import type { PeriodsState } from './domain/period.decider';
import type { PeriodEvent } from './domain/period.events';

export const periodsStream = (companyId: string) => streamName('periods', companyId);

/** What a period's state and its listing are made of: each close also appends a sealed score per employee, which neither reads. */
export const periodStateTypes = selectedTypes<PeriodEvent['type']>()({ PeriodOpened: true, PeriodClosed: true, PeriodScoreSealed: false, RollUpPenaltyApplied: false });

/** The company's periods, folded once and then only what is new, from their opening and closing alone. */
export const periodsFold = new CachedStreamFold<PeriodEvent, PeriodsState>(periodDecider.evolve, periodDecider.initialState, periodStateTypes);

export function loadPeriods(store: EventStore, companyId: string): Promise<PeriodsState> {
  return periodsFold.load(store, periodsStream(companyId));
}

export function closedPeriods(state: PeriodsState): string[] {
  return Object.entries(state.periods).filter(([, status]) => status === 'closed').map(([period]) => period);
}
