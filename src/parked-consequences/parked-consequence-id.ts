import { nameBasedUuid } from '../shared/command-handling/event-ids';

/** The id of the `index`-th command saga `saga` derived from an event: the same on every replay, so parking twice writes one record. */
export const parkedConsequenceId = (eventId: string, saga: number, index: number) => `PC-${nameBasedUuid(`parked\u0000${eventId}\u0000${saga}\u0000${index}`)}`;
