import type { EventStore, RecordedEvent } from '../event-store/event-store.port';
import { asDomainEvent } from './handle-command';

export interface FoldedStream<State> {
  state: State;
  /** Revision of the stream's last event folded (-1: the stream does not exist). */
  revision: number;
  /** Global position of that event (0: none). */
  position: number;
}

/**
 * A stream's state folded once and kept with the revision it reflects: each load reads only the
 * events appended since (usually none: one indexed query), so a decision that consults a stream
 * of immutable facts (rulebook versions, the periods and what each close sealed) costs what the
 * new facts cost, not what the whole stream holds. Kept per store instance, so it is never stale:
 * every load asks the store. The folded state is shared: evolve returns new states, readers never
 * change them.
 */
export class CachedStreamFold<Event, State> {
  private readonly folds = new WeakMap<EventStore, Map<string, FoldedStream<State>>>();

  /**
   * `eventTypes`: the only types that change the state (its evolve returns the state unchanged for
   * any other): only those are read and parsed. The revision kept is still the stream's own, for
   * the appends that follow the decision.
   */
  constructor(
    private readonly evolve: (state: State, event: Event) => State,
    private readonly initialState: State,
    private readonly eventTypes?: readonly string[],
  ) {}

  async load(store: EventStore, stream: string): Promise<State> {
    return (await this.loadWithRevision(store, stream)).state;
  }

  /** The state with the revision (-1: no stream) and the global position of the stream's last event. */
  async loadWithRevision(store: EventStore, stream: string): Promise<FoldedStream<State>> {
    let folds = this.folds.get(store);
    if (!folds) this.folds.set(store, (folds = new Map()));
    const known = folds.get(stream);
    const fromRevision = known ? known.revision + 1 : 0;
    // with types, the stream's last event (which may be of another type) gives the revision reached:
    // read first, so an event appended between the two reads is left for the next load, not skipped
    const tail = this.eventTypes ? (await store.readStream(stream, { direction: 'backwards', maxCount: 1 }))[0] : undefined;
    const read: RecordedEvent[] = this.eventTypes && !tail ? [] : await store.readStream(stream, { fromRevision, ...(this.eventTypes ? { eventTypes: this.eventTypes } : {}) });
    const events = tail ? read.filter((event) => event.revision <= tail.revision) : read;
    const last = tail ?? events[events.length - 1];
    if (!last || last.revision < fromRevision) return known ?? { state: this.initialState, revision: -1, position: 0 };
    // another load may have moved the fold meanwhile: fold from what is kept now if it is not ahead
    const current = folds.get(stream);
    const base = current && current.revision >= (known?.revision ?? -1) ? current : known;
    const fresh = events.filter((event) => event.revision > (base?.revision ?? -1));
    const state = fresh.map((event) => asDomainEvent<Event>(event)).reduce(this.evolve, base?.state ?? this.initialState);
    const folded = base && base.revision > last.revision ? { ...base, state } : { state, revision: last.revision, position: last.position };
    folds.set(stream, folded);
    return folded;
  }
}
