import type { DomainEvent } from '../src/shared/domain/decider';
import type { RecordedEvent } from '../src/shared/event-store/event-store.port';
import { employeeOfSubject } from '../src/shared/domain/subjects';

/** The recorded form of a domain event: the store's envelope around its type and data. */
export type Recorded<E extends DomainEvent<string, unknown>> = RecordedEvent<E['type'], E['data']>;

/** The recorded form of each event of a union, still discriminated by `type`. */
export type RecordedEach<E> = E extends DomainEvent<string, unknown> ? Recorded<E> : never;

/** Ids of the employees an event concerns, from its `employee:<id>` subjects. */
export function employeeSubjects(event: RecordedEvent): string[] {
  const ids = (event.metadata.subjects ?? []).map(employeeOfSubject).filter((id): id is string => id !== undefined);
  return [...new Set(ids)];
}

/**
 * Exhaustiveness check for a projection's switch: compile-time only. At run time an unexpected
 * event leaves the document as it is rather than stopping every projection's subscription.
 */
export function unhandled<T>(_event: never, doc: T): T {
  return doc;
}
