/**
 * A decider: `decide(command, state, context) → events` and `evolve(state, event) → state`.
 * Pure: time, ids and facts from other streams arrive in the command or its context.
 */
export interface Decider<Command, Event extends { type: string }, State, Context = void> {
  initialState: State;
  evolve(state: State, event: Event): State;
  decide(command: Command, state: State, context: Context): Event[];
}

/** A domain event: an explicit type string and plain data. */
export interface DomainEvent<Type extends string, Data> {
  type: Type;
  data: Data;
}

/** The state type a decider folds its events into. */
export type StateOf<D> = D extends { initialState: infer State } ? State : never;
