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

/**
 * An aggregate's list of event types, checked against its union of events: a type of the union
 * left out of the list does not compile (`eventTypeList<DeductionEvent['type']>()([...])`).
 */
export function eventTypeList<Type extends string>() {
  return <const List extends readonly Type[]>(list: List & ([Exclude<Type, List[number]>] extends [never] ? unknown : { missing: Exclude<Type, List[number]> })): List => list;
}

/**
 * Which event types of the aggregates a reader follows it handles (true) or ignores on purpose
 * (false): every type must be named, so a new event type makes each reader decide.
 */
export type EventSelection<Type extends string> = Record<Type, boolean>;

/** The types a selection marks handled, typed as exactly those: `selectedTypes<DeductionEvent['type']>()({ ... })`. */
export function selectedTypes<Type extends string>() {
  return <const Selection extends EventSelection<Type>>(selection: Selection): Selected<Selection>[] =>
    (Object.keys(selection) as Selected<Selection>[]).filter((type) => selection[type]);
}

type Selected<Selection> = { [Type in keyof Selection]: Selection[Type] extends true ? Type : never }[keyof Selection];
