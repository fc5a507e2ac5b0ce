/**
 * The in-memory transaction log of the EventStoreDB protocol double (test code, never shipped).
 * It models what the gRPC API exposes of EventStoreDB's log: one global sequence of records whose
 * positions grow like byte offsets (strictly increasing, with gaps), streams with revisions from 0,
 * and the server's expected-version and idempotency checks. See esdb-double.server.ts for the list
 * of known differences from EventStoreDB.
 */

export interface StoredRecord {
  id: string;
  streamName: string;
  revision: number;
  type: string;
  contentType: string;
  data: Uint8Array;
  customMetadata: Uint8Array;
  /** Commit position; equal to the prepare position, as for every non-transactional write. */
  position: bigint;
  /** .NET ticks (100 ns) since the Unix epoch, as EventStoreDB sends in the `created` metadata. */
  created: bigint;
}

export interface ProposedRecord {
  id: string;
  type: string;
  contentType: string;
  data: Uint8Array;
  customMetadata: Uint8Array;
}

export type Expected =
  | { kind: 'any' }
  | { kind: 'no_stream' }
  | { kind: 'stream_exists' }
  | { kind: 'revision'; revision: number };

export type AppendOutcome =
  | { kind: 'written'; currentRevision: number; position: bigint }
  /** EventStoreDB reports an idempotent retry as success without a position. */
  | { kind: 'idempotent'; currentRevision: number }
  | { kind: 'wrong_expected_version'; current: number | undefined };

/** The first record lands after a simulated header, as a real log never starts user data at 0. */
const FIRST_POSITION = 1_024n;
const RECORD_OVERHEAD = 96n;

export class EsdbDoubleLog {
  readonly records: StoredRecord[] = [];
  private readonly streams = new Map<string, StoredRecord[]>();
  private nextPosition = FIRST_POSITION;
  private readonly listeners = new Set<() => void>();

  stream(streamName: string): StoredRecord[] | undefined {
    return this.streams.get(streamName);
  }

  /** Called after every successful write; returns an unsubscribe function. */
  onAppended(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** EventStoreDB's commit check: expected version, then idempotency by event id. */
  append(streamName: string, expected: Expected, proposed: ProposedRecord[]): AppendOutcome {
    const stream = this.streams.get(streamName) ?? [];
    const current = stream.length === 0 ? undefined : stream.length - 1;
    const currentNumber = current ?? -1;
    const retry = this.checkRetry(stream, expected, proposed);
    if (retry) return retry;
    switch (expected.kind) {
      case 'no_stream':
        if (current !== undefined) return { kind: 'wrong_expected_version', current };
        break;
      case 'stream_exists':
        if (current === undefined) return { kind: 'wrong_expected_version', current };
        break;
      case 'revision':
        if (expected.revision !== currentNumber) return { kind: 'wrong_expected_version', current };
        break;
      case 'any':
        break;
    }
    if (proposed.length === 0) {
      return { kind: 'written', currentRevision: currentNumber, position: this.lastPosition() };
    }
    return this.write(streamName, stream, proposed);
  }

  lastPosition(): bigint {
    return this.records.length === 0 ? 0n : this.records[this.records.length - 1].position;
  }

  /**
   * With an expected revision N (no_stream is N = -1) the events after N are compared with the
   * proposed ones; with any/stream_exists the first proposed id is looked up in the stream. All
   * equal: an idempotent retry. Only some equal: EventStoreDB reports a wrong expected version.
   */
  private checkRetry(stream: StoredRecord[], expected: Expected, proposed: ProposedRecord[]): AppendOutcome | undefined {
    if (proposed.length === 0) return undefined;
    const current = stream.length === 0 ? undefined : stream.length - 1;
    let start: number;
    if (expected.kind === 'revision' || expected.kind === 'no_stream') {
      start = (expected.kind === 'revision' ? expected.revision : -1) + 1;
      if (start > (current ?? -1)) return undefined;
    } else {
      start = stream.findIndex((record) => record.id === proposed[0].id);
      if (start < 0) return undefined;
    }
    const matches = proposed.map((event, index) => stream[start + index]?.id === event.id);
    if (matches.every(Boolean)) return { kind: 'idempotent', currentRevision: start + proposed.length - 1 };
    if (matches[0] || expected.kind === 'revision' || expected.kind === 'no_stream') {
      return { kind: 'wrong_expected_version', current };
    }
    return undefined;
  }

  private write(streamName: string, stream: StoredRecord[], proposed: ProposedRecord[]): AppendOutcome {
    const created = BigInt(Date.now()) * 10_000n;
    for (const event of proposed) {
      const record: StoredRecord = {
        ...event,
        id: event.id.toLowerCase(),
        streamName,
        revision: stream.length,
        position: this.nextPosition,
        created,
      };
      this.nextPosition += RECORD_OVERHEAD + BigInt(event.data.length + event.customMetadata.length + streamName.length);
      stream.push(record);
      this.records.push(record);
    }
    this.streams.set(streamName, stream);
    for (const listener of [...this.listeners]) listener();
    return { kind: 'written', currentRevision: stream.length - 1, position: stream[stream.length - 1].position };
  }
}
