import type { IEvent } from '@nestjs/cqrs';
import type { RecordedEvent } from '../event-store/event-store.port';

/** What the CQRS event bus carries: an event as durably recorded by the store. */
export class StoredEvent implements IEvent {
  constructor(readonly event: RecordedEvent) {}
}
