import type { Decider } from '../domain/decider';
import type { WithoutNow } from './without-now';
import type { CachedStreamFold } from './cached-stream-fold';

/** An aggregate's stream, declared once: its decider, the stream a command goes to, and the business time and subjects of each event. */
export interface AggregateStream<Command, Event extends { type: string }, State, Context> {
  decider: Decider<Command, Event, State, Context>;
  streamOf(command: WithoutNow<Command>): string;
  /** Business time of an event, for its metadata (`occurredAt`). */
  occurredAt(event: Event): string;
  /** Subjects of an event (e.g. `employee:E-1`), indexed by the store for record replay. */
  subjects(event: Event): string[];
  /** For a long stream of immutable facts: its state is kept folded, and a command reads only what was appended since. */
  fold?: CachedStreamFold<Event, State>;
}

type StringFieldOf<Data> = { [K in keyof Data]-?: Data[K] extends string ? K : never }[keyof Data];

/** For every event type of an aggregate, the field of its data that holds its business time: a new event type that is not listed does not compile. */
export type BusinessTimeFields<Event extends { type: string; data: object }> = {
  [Type in Event['type']]: StringFieldOf<Extract<Event, { type: Type }>['data']>;
};

export function businessTimeFrom<Event extends { type: string; data: object }>(fields: BusinessTimeFields<Event>): (event: Event) => string {
  return (event) => (event.data as Record<string, string>)[fields[event.type as Event['type']] as string];
}
