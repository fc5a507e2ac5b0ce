import type { EventStore, NewEvent, RecordedEvent, SubscriptionHandler } from './event-store.port';

/**
 * Turns the data of one event type from one version of its shape into the next. When an event's
 * shape changes, its feature adds an upcaster from the old version: events stored in the old shape
 * are read in the new one, forever, and nothing stored is ever rewritten.
 */
export interface Upcaster {
  type: string;
  /** The version it reads; it returns data of version `fromVersion + 1`. */
  fromVersion: number;
  upcast(data: unknown): unknown;
}

/** Every event type's current version (1 plus the upcasters it has), and the step that reads any stored version as the current one. */
export class EventSchemas {
  private readonly byType = new Map<string, Map<number, Upcaster>>();

  constructor(upcasters: readonly Upcaster[]) {
    for (const upcaster of upcasters) {
      const steps = this.byType.get(upcaster.type) ?? new Map<number, Upcaster>();
      if (steps.has(upcaster.fromVersion)) throw new Error(`two upcasters read ${upcaster.type} version ${upcaster.fromVersion}`);
      steps.set(upcaster.fromVersion, upcaster);
      this.byType.set(upcaster.type, steps);
    }
    for (const [type, steps] of this.byType) {
      for (let version = 1; version <= steps.size; version++) {
        if (!steps.has(version)) throw new Error(`${type} has no upcaster from version ${version}: versions must follow each other from 1`);
      }
    }
  }

  currentVersion(type: string): number {
    return (this.byType.get(type)?.size ?? 0) + 1;
  }

  /** The event with its data in the current shape (the same event when it is stored in it). */
  upcast<E extends RecordedEvent>(event: E): E {
    const current = this.currentVersion(event.type);
    let version = event.metadata.schemaVersion ?? 1;
    if (version === current) return event;
    if (version > current) throw new Error(`${event.type} ${event.id} is stored in version ${version}, newer than this service reads (${current})`);
    let data = event.data;
    for (; version < current; version++) data = this.byType.get(event.type)!.get(version)!.upcast(data);
    return { ...event, data, metadata: { ...event.metadata, schemaVersion: current } };
  }

  stamp(event: NewEvent): NewEvent {
    return { ...event, metadata: { ...event.metadata, schemaVersion: this.currentVersion(event.type) } };
  }
}

/** Wraps any adapter: appends stamp each event's version, every read and subscription upcasts. */
export class UpcastingEventStore implements EventStore {
  constructor(
    readonly inner: EventStore,
    private readonly schemas: EventSchemas,
  ) {}

  append: EventStore['append'] = (streamName, events, options) => this.inner.append(streamName, events.map((event) => this.schemas.stamp(event)), options);
  readStream: EventStore['readStream'] = async (name, options) => (await this.inner.readStream(name, options)).map((event) => this.schemas.upcast(event));
  readAll: EventStore['readAll'] = async (options) => (await this.inner.readAll(options)).map((event) => this.schemas.upcast(event));
  readBySubject: EventStore['readBySubject'] = async (subject, options) => (await this.inner.readBySubject(subject, options)).map((event) => this.schemas.upcast(event));
  indexSubjects: EventStore['indexSubjects'] = (entries) => this.inner.indexSubjects(entries);
  headPosition: EventStore['headPosition'] = () => this.inner.headPosition();
  subscribeToAll: EventStore['subscribeToAll'] = (handler, options) => this.inner.subscribeToAll(this.upcasting(handler), options);
  checkHealth = async (): Promise<{ healthy: boolean; reason?: string }> => (await this.inner.checkHealth?.()) ?? { healthy: true };
  close: EventStore['close'] = () => this.inner.close();

  /** The chain covers events as stored: never upcast. */
  get chain(): EventStore['chain'] {
    return this.inner.chain;
  }

  get streamChain(): EventStore['streamChain'] {
    return this.inner.streamChain;
  }

  private upcasting(handler: SubscriptionHandler): SubscriptionHandler {
    return { ...handler, onEvent: (event) => handler.onEvent(this.schemas.upcast(event)) };
  }
}
