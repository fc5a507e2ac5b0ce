/** Builds RecordedEvents for projection specs, with increasing global positions. */
import type { DomainEvent } from '../../src/shared/domain/decider';
import type { RecordedEvent } from '../../src/shared/event-store/event-store.port';

export interface RecordedOptions {
  streamName?: string;
  subjects?: string[];
  occurredAt?: string;
  recordedAt?: string;
  actor?: string;
  id?: string;
}

export interface Recorder {
  <E extends DomainEvent<string, unknown>>(event: E, options?: RecordedOptions): RecordedEvent<E['type'], E['data']>;
  readonly lastPosition: number;
}

/** `const recorded = recorder(); recorded({ type: 'EmployeeRegistered', data }, { subjects })`. */
export function recorder(firstPosition = 1): Recorder {
  let position = firstPosition - 1;
  const revisions = new Map<string, number>();
  const record = <E extends DomainEvent<string, unknown>>(event: E, options: RecordedOptions = {}) => {
    position += 1;
    const streamName = options.streamName ?? `test-${event.type}`;
    const revision = (revisions.get(streamName) ?? -1) + 1;
    revisions.set(streamName, revision);
    const occurredAt = options.occurredAt ?? '2026-03-10T02:00:00.000Z';
    return {
      id: options.id ?? `event-${position}`,
      type: event.type,
      data: event.data,
      metadata: {
        actor: options.actor ?? 'user:assessor-1',
        correlationId: `correlation-${position}`,
        causationId: `causation-${position}`,
        occurredAt,
        recordedAt: options.recordedAt ?? occurredAt,
        subjects: options.subjects ?? [],
      },
      streamName,
      revision,
      position,
    } as RecordedEvent<E['type'], E['data']>;
  };
  Object.defineProperty(record, 'lastPosition', { get: () => position });
  return record as Recorder;
}
