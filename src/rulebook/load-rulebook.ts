import type { EventStore } from '../shared/event-store/event-store.port';
import { streamName } from '../shared/event-store/event-store.port';
import { asDomainEvent } from '../shared/command-handling/handle-command';
import { rulebookDecider } from './domain/rulebook.decider';
import type { RulebookState } from './domain/rulebook.decider';
import type { RulebookEvent } from './domain/rulebook.events';

export const rulebookStream = (companyId: string) => streamName('rulebook', companyId);

/** Every published version of the company's rulebook, read straight from its stream. */
export async function loadRulebook(store: EventStore, companyId: string): Promise<RulebookState> {
  const events = await store.readStream(rulebookStream(companyId));
  return events.map(asDomainEvent<RulebookEvent>).reduce(rulebookDecider.evolve, rulebookDecider.initialState);
}
