/**
 * Streams.Read of the EventStoreDB protocol double (test code, never shipped): stream and $all
 * reads in both directions, and catch-up subscriptions to $all with filters, checkpoints and the
 * caught-up message. Writes respect gRPC backpressure: a subscriber that does not read stops the
 * double from sending, as EventStoreDB's bounded per-subscription buffer does.
 */
import { randomUUID } from 'node:crypto';
import * as grpc from '@grpc/grpc-js';
import * as streams from '@eventstore/db-client/generated/streams_pb';
import type { EsdbDoubleLog, StoredRecord } from './esdb-double.log';
import { InvalidRequestError, readEventResponse, streamIdentifier, streamNameOf } from './esdb-double.messages';

type ReadCall = grpc.ServerWritableStream<streams.ReadReq, streams.ReadResp>;
type Options = streams.ReadReq.Options;

export interface ActiveSubscription {
  readonly id: string;
  /** Events sent to this subscriber so far (a bounded number while the subscriber does not read). */
  sent: number;
  /** Whether the transport is full and the double waits for the subscriber to read before sending more. */
  waitingForSubscriber: boolean;
  drop(code: grpc.status, details: string): void;
}

export interface ReadCounters {
  reads: number;
  subscriptions: number;
  subscriptionEventsSent: number;
}

/** EventStoreDB's window when the client asks for `count` rather than a maximum. */
const DEFAULT_SEARCH_WINDOW = 32;

export class EsdbDoubleReads {
  constructor(
    private readonly log: EsdbDoubleLog,
    private readonly counters: ReadCounters,
    private readonly active: Set<ActiveSubscription>,
  ) {}

  readonly handle = (call: ReadCall): void => {
    this.read(call).catch((error: unknown) => fail(call, error));
  };

  private async read(call: ReadCall): Promise<void> {
    const options = call.request.getOptions();
    if (!options) throw new InvalidRequestError('read options are missing');
    if (options.getUuidOption()?.hasStructured()) throw new InvalidRequestError('the double only sends string UUIDs');
    const Stream = streams.ReadReq.Options.StreamOptionCase;
    const isSubscription = options.getCountOptionCase() === streams.ReadReq.Options.CountOptionCase.SUBSCRIPTION;
    if (options.getStreamOptionCase() === Stream.STREAM) {
      if (isSubscription) throw new UnimplementedError('stream subscriptions are not served by the double');
      this.counters.reads += 1;
      return this.readStream(call, options);
    }
    if (options.getStreamOptionCase() !== Stream.ALL) throw new InvalidRequestError('read needs a stream or $all');
    if (isSubscription) return this.subscribeToAll(call, options);
    this.counters.reads += 1;
    return this.readAll(call, options);
  }

  private async readStream(call: ReadCall, options: Options): Promise<void> {
    const streamOptions = options.getStream()!;
    const name = streamNameOf(streamOptions.getStreamIdentifier());
    const stream = this.log.stream(name);
    if (!stream) {
      const notFound = new streams.ReadResp.StreamNotFound();
      notFound.setStreamIdentifier(streamIdentifier(name));
      const response = new streams.ReadResp();
      response.setStreamNotFound(notFound);
      await send(call, response);
      call.end();
      return;
    }
    const backwards = options.getReadDirection() === streams.ReadReq.Options.ReadDirection.BACKWARDS;
    const Revision = streams.ReadReq.Options.StreamOptions.RevisionOptionCase;
    let from: number;
    switch (streamOptions.getRevisionOptionCase()) {
      case Revision.REVISION:
        from = Number(streamOptions.getRevision());
        break;
      case Revision.END:
        from = backwards ? stream.length - 1 : stream.length;
        break;
      default:
        from = backwards ? -1 : 0;
    }
    if (backwards) from = Math.min(from, stream.length - 1);
    const count = Number(options.getCount());
    const step = backwards ? -1 : 1;
    let sent = 0;
    for (let index = from; index >= 0 && index < stream.length && sent < count; index += step) {
      const { event, link } = this.resolve(stream[index], options.getResolveLinks());
      if (!(await send(call, readEventResponse(event, link, undefined)))) return;
      sent += 1;
    }
    call.end();
  }

  private async readAll(call: ReadCall, options: Options): Promise<void> {
    const backwards = options.getReadDirection() === streams.ReadReq.Options.ReadDirection.BACKWARDS;
    const { include } = filterOf(options);
    const records = this.log.records;
    const All = streams.ReadReq.Options.AllOptions.AllOptionCase;
    const allOptions = options.getAll()!;
    let from: number;
    if (allOptions.getAllOptionCase() === All.POSITION) {
      const position = BigInt(allOptions.getPosition()!.getCommitPosition());
      // Forwards the position is inclusive; backwards it is a post-position, so exclusive.
      from = backwards ? lastIndexBefore(records, position) : firstIndexAtOrAfter(records, position);
    } else if (allOptions.getAllOptionCase() === All.END) {
      from = backwards ? records.length - 1 : records.length;
    } else {
      from = backwards ? -1 : 0;
    }
    const count = Number(options.getCount());
    const step = backwards ? -1 : 1;
    let sent = 0;
    for (let index = from; index >= 0 && index < records.length && sent < count; index += step) {
      const record = records[index];
      if (!include(record)) continue;
      const { event, link } = this.resolve(record, options.getResolveLinks());
      if (!(await send(call, readEventResponse(event, link, record.position)))) return;
      sent += 1;
    }
    call.end();
  }

  /**
   * Confirmation, then every matching record after the start position, a checkpoint after each
   * search window, `caughtUp` once the log is exhausted, then live records as they are appended.
   */
  private async subscribeToAll(call: ReadCall, options: Options): Promise<void> {
    const { include, checkpointInterval } = filterOf(options);
    const state = { ended: false, wake: undefined as (() => void) | undefined };
    const finish = (): void => {
      state.ended = true;
      state.wake?.();
    };
    call.once('cancelled', finish);
    call.once('close', finish);
    const subscription: ActiveSubscription = {
      id: randomUUID(),
      sent: 0,
      waitingForSubscriber: false,
      drop: (code, details) => {
        if (state.ended) return;
        finish();
        call.emit('error', { code, details, metadata: new grpc.Metadata() });
      },
    };
    this.active.add(subscription);
    this.counters.subscriptions += 1;
    const unlisten = this.log.onAppended(() => state.wake?.());
    try {
      const confirmation = new streams.ReadResp.SubscriptionConfirmation();
      confirmation.setSubscriptionId(subscription.id);
      const confirmed = new streams.ReadResp();
      confirmed.setConfirmation(confirmation);
      if (!(await send(call, confirmed))) return;
      let index = startIndex(this.log.records, options.getAll()!);
      let considered = 0;
      let caughtUp = false;
      while (!state.ended) {
        if (index < this.log.records.length) {
          const record = this.log.records[index++];
          considered += 1;
          if (include(record)) {
            const { event, link } = this.resolve(record, options.getResolveLinks());
            if (!(await send(call, readEventResponse(event, link, record.position), subscription))) return;
            subscription.sent += 1;
            this.counters.subscriptionEventsSent += 1;
          }
          if (checkpointInterval && considered % checkpointInterval === 0) {
            if (!(await send(call, checkpoint(record.position)))) return;
          }
          continue;
        }
        if (!caughtUp) {
          caughtUp = true;
          const response = new streams.ReadResp();
          response.setCaughtUp(new streams.ReadResp.CaughtUp());
          if (!(await send(call, response))) return;
          continue;
        }
        await new Promise<void>((resolve) => {
          state.wake = resolve;
        });
        state.wake = undefined;
      }
    } finally {
      unlisten();
      this.active.delete(subscription);
    }
  }

  /** With resolveLinks, a `$>` record whose data is `revision@stream` is returned as its target. */
  private resolve(record: StoredRecord, resolveLinks: boolean): { event?: StoredRecord; link?: StoredRecord } {
    if (!resolveLinks || record.type !== '$>') return { event: record };
    const match = /^(\d+)@(.+)$/.exec(Buffer.from(record.data).toString('utf8'));
    const target = match ? this.log.stream(match[2])?.[Number(match[1])] : undefined;
    return { event: target, link: record };
  }
}

export class UnimplementedError extends Error {}

function filterOf(options: Options): { include: (record: StoredRecord) => boolean; checkpointInterval?: number } {
  if (options.getFilterOptionCase() !== streams.ReadReq.Options.FilterOptionCase.FILTER) return { include: () => true };
  const filter = options.getFilter()!;
  const Filter = streams.ReadReq.Options.FilterOptions.FilterCase;
  const onStream = filter.getFilterCase() === Filter.STREAM_IDENTIFIER;
  const expression = onStream ? filter.getStreamIdentifier() : filter.getEventType();
  if (!expression) throw new InvalidRequestError('filter expression is missing');
  const regex = expression.getRegex() ? new RegExp(expression.getRegex()) : undefined;
  const prefixes = expression.getPrefixList();
  const matches = (value: string) => (regex ? regex.test(value) : prefixes.some((prefix) => value.startsWith(prefix)));
  const window = filter.getWindowCase() === streams.ReadReq.Options.FilterOptions.WindowCase.MAX ? filter.getMax() : DEFAULT_SEARCH_WINDOW;
  return {
    include: (record) => matches(onStream ? record.streamName : record.type),
    checkpointInterval: window * Math.max(1, filter.getCheckpointintervalmultiplier()),
  };
}

/** A subscription's start position is exclusive: delivery starts after it. */
function startIndex(records: StoredRecord[], all: streams.ReadReq.Options.AllOptions): number {
  const All = streams.ReadReq.Options.AllOptions.AllOptionCase;
  switch (all.getAllOptionCase()) {
    case All.POSITION: {
      const position = BigInt(all.getPosition()!.getCommitPosition());
      const index = records.findIndex((record) => record.position > position);
      return index < 0 ? records.length : index;
    }
    case All.END:
      return records.length;
    default:
      return 0;
  }
}

function firstIndexAtOrAfter(records: StoredRecord[], position: bigint): number {
  const index = records.findIndex((record) => record.position >= position);
  return index < 0 ? records.length : index;
}

function lastIndexBefore(records: StoredRecord[], position: bigint): number {
  for (let index = records.length - 1; index >= 0; index -= 1) if (records[index].position < position) return index;
  return -1;
}

function checkpoint(position: bigint): streams.ReadResp {
  const message = new streams.ReadResp.Checkpoint();
  message.setCommitPosition(String(position));
  message.setPreparePosition(String(position));
  const response = new streams.ReadResp();
  response.setCheckpoint(message);
  return response;
}

/** Writes one message, waiting for the transport to drain; false once the call is over. */
async function send(call: ReadCall, message: streams.ReadResp, subscription?: ActiveSubscription): Promise<boolean> {
  if (call.cancelled || call.writableEnded || call.destroyed) return false;
  if (call.write(message)) return true;
  if (subscription) subscription.waitingForSubscriber = true;
  await new Promise<void>((resolve) => {
    const done = (): void => {
      call.off('drain', done);
      call.off('cancelled', done);
      call.off('close', done);
      resolve();
    };
    call.on('drain', done);
    call.on('cancelled', done);
    call.on('close', done);
  });
  if (subscription) subscription.waitingForSubscriber = false;
  return !(call.cancelled || call.writableEnded || call.destroyed);
}

function fail(call: ReadCall, error: unknown): void {
  if (call.cancelled || call.writableEnded) return;
  const code =
    error instanceof InvalidRequestError
      ? grpc.status.INVALID_ARGUMENT
      : error instanceof UnimplementedError
        ? grpc.status.UNIMPLEMENTED
        : grpc.status.INTERNAL;
  const details = error instanceof Error ? error.message : String(error);
  call.emit('error', { code, details, metadata: new grpc.Metadata() });
}
