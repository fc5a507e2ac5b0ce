import { randomUUID } from 'node:crypto';
import {
  EventMetadataInput,
  EventStore,
  NewEvent,
  ReadStreamOptions,
  RecordedEvent,
  WrongExpectedRevisionError,
  streamName,
} from '../../src/shared/event-store/event-store.port';

/** Building blocks of the event store contract: unique names, events, and assertions. */

export function newStream(): string {
  return streamName('contractTest', randomUUID());
}

export function newSubject(): string {
  return `employee:${randomUUID()}`;
}

export function metadataFor(...subjects: string[]): EventMetadataInput {
  return {
    actor: 'user:alice',
    correlationId: randomUUID(),
    causationId: randomUUID(),
    occurredAt: '2024-03-01T09:30:00.000Z',
    ...(subjects.length > 0 ? { subjects } : {}),
  };
}

export function newEvent(type: string, data: unknown = { type }, metadata: EventMetadataInput = metadataFor()): NewEvent {
  return { id: randomUUID(), type, data, metadata };
}

export function own(events: RecordedEvent[], ...streams: string[]): RecordedEvent[] {
  return events.filter((event) => streams.includes(event.streamName));
}

export function typesOf(events: RecordedEvent[]): string[] {
  return events.map((event) => event.type);
}

export function expectStrictlyIncreasing(values: number[]): void {
  values.slice(1).forEach((value, index) => expect(value).toBeGreaterThan(values[index]));
}

export function expectRecentInstant(iso: string): void {
  expect(new Date(iso).toISOString()).toBeTruthy();
  expect(Math.abs(Date.parse(iso) - Date.now())).toBeLessThan(5 * 60_000);
}

export function expectWrongRevision(error: unknown, stream: string, expected: unknown, actual: unknown): void {
  expect(error).toBeInstanceOf(WrongExpectedRevisionError);
  expect(error).toMatchObject({ code: 'wrong_expected_revision', streamName: stream, expected, actual });
}

export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function until(condition: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(10);
  }
}

export async function typesIn(store: EventStore, stream: string, options?: ReadStreamOptions): Promise<string[]> {
  return typesOf(await store.readStream(stream, options));
}
