import type { EventStore } from '../shared/event-store/event-store.port';
import { streamName } from '../shared/event-store/event-store.port';
import { CachedStreamFold } from '../shared/command-handling/cached-stream-fold';
import { rulebookDecider } from './domain/rulebook.decider';
import type { RulebookState } from './domain/rulebook.decider';
import type { RulebookEvent } from './domain/rulebook.events';

export const rulebookStream = (companyId: string) => streamName('rulebook', companyId);

const rulebooks = new CachedStreamFold<RulebookEvent, RulebookState>(rulebookDecider.evolve, rulebookDecider.initialState);

/** Every published version of the company's rulebook, from its stream (versions are immutable: folded once, then only what is new). */
export function loadRulebook(store: EventStore, companyId: string): Promise<RulebookState> {
  return rulebooks.load(store, rulebookStream(companyId));
}
