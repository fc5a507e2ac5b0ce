/**
 * EventStoreDB protocol double: a TEST DOUBLE THAT NEVER SHIPS (it lives under test/ and nothing
 * in src/ may import it).
 *
 * An in-process gRPC server (@grpc/grpc-js) serving the part of EventStoreDB's gRPC API that
 * `@eventstore/db-client` uses for our adapter, built from the service definitions the client
 * itself ships (`@eventstore/db-client/generated/*_grpc_pb`), so the real client speaks the real
 * wire protocol to it. It serves:
 * - ServerFeatures.GetSupportedMethods (so the client picks BatchAppend, as with a 21.10+ server);
 * - Streams.Append and Streams.BatchAppend: expected revision any / no_stream / stream_exists / n,
 *   revisions from 0, WrongExpectedVersion replies, idempotent retries by event id;
 * - Streams.Read: stream reads (forwards/backwards, from a revision, count, resolve links,
 *   StreamNotFound message), $all reads (forwards position inclusive, backwards exclusive), and
 *   catch-up subscriptions to $all (confirmation, exclusive start position, event-type or
 *   stream-name filters by regex or prefixes, checkpoints every search window × multiplier,
 *   caughtUp when the log is exhausted, then live events), with gRPC backpressure.
 * Test-controlled faults: `dropSubscriptions()` ends active subscriptions with an error status
 * mid-stream, `stop()` / `start()` make the server unreachable and bring it back on the same port
 * with the same data, `appendSystemEvent()` interleaves `$`-prefixed records, and `counters` /
 * `subscriptions` expose what was served.
 *
 * Known differences from EventStoreDB (keep this list complete):
 * 1. Storage is in memory and lost with the process; no persistence, scavenging, clustering,
 *    gossip, leader election, TLS or authentication (insecure connections only; credentials ignored).
 * 2. Only Streams.Read/Append/BatchAppend and ServerFeatures exist: no Delete/Tombstone, stream
 *    metadata ($$ streams, max age/count, ACLs), persistent subscriptions, projections, operations,
 *    users, monitoring or gossip services; stream (non-$all) subscriptions answer UNIMPLEMENTED.
 * 3. Positions imitate byte offsets but are not EventStoreDB's: commit = prepare for every record
 *    (true for EventStoreDB's non-transactional appends); an append's reported position is that of
 *    its last event; a fresh log holds no system events unless a test appends them.
 * 4. Idempotency checks the whole stream for the first event id (EventStoreDB uses a bounded
 *    in-memory cache for `any`/`stream_exists`, so an old duplicate may be written again there);
 *    like EventStoreDB, an id reused in another stream is NOT detected.
 * 5. No system or `$`-prefixed streams are maintained ($streams, $stats, $ce-/$et- projections,
 *    $settings); links (`$>`, data `revision@stream`) are resolved only when written by a client.
 * 6. Subscriptions send `caughtUp` (as EventStoreDB 23.10+ does) but never `fellBehind`; a
 *    subscriber is never dropped for being slow (the double simply stops sending until it reads).
 * 7. Only string UUIDs are served (the client always asks for them); structured UUIDs are refused.
 * 8. Deadlines, message size limits (max append size), and `requires-leader` are not enforced.
 * 9. A dropped subscription (`dropSubscriptions`) ends with the chosen status after the messages
 *    already queued for it, like a server-side error; the real server's reasons and codes vary.
 */
import { randomUUID } from 'node:crypto';
import * as grpc from '@grpc/grpc-js';
import * as serverFeatures from '@eventstore/db-client/generated/serverfeatures_pb';
import { ServerFeaturesService } from '@eventstore/db-client/generated/serverfeatures_grpc_pb';
import { StreamsService } from '@eventstore/db-client/generated/streams_grpc_pb';
import type * as shared from '@eventstore/db-client/generated/shared_pb';
import { EsdbDoubleAppends, type AppendCounters } from './esdb-double.append';
import { EsdbDoubleLog, type StoredRecord } from './esdb-double.log';
import { EsdbDoubleReads, type ActiveSubscription, type ReadCounters } from './esdb-double.read';

export interface EsdbDoubleOptions {
  /** Advertise and serve BatchAppend (what a 21.10+ server does). Default true. */
  batchAppend?: boolean;
  serverVersion?: string;
}

export type EsdbDoubleCounters = AppendCounters & ReadCounters & { subscriptionsDropped: number };

export class EsdbDouble {
  readonly log = new EsdbDoubleLog();
  readonly counters: EsdbDoubleCounters = {
    appends: 0,
    batchAppends: 0,
    reads: 0,
    subscriptions: 0,
    subscriptionEventsSent: 0,
    subscriptionsDropped: 0,
  };
  private readonly active = new Set<ActiveSubscription>();
  private server: grpc.Server | undefined;
  private boundPort: number | undefined;

  private constructor(private readonly options: EsdbDoubleOptions) {}

  /** Starts a double on 127.0.0.1 with an ephemeral port. */
  static async start(options: EsdbDoubleOptions = {}): Promise<EsdbDouble> {
    const double = new EsdbDouble(options);
    await double.start();
    return double;
  }

  get port(): number {
    if (this.boundPort === undefined) throw new Error('the EventStoreDB double has never been started');
    return this.boundPort;
  }

  get connectionString(): string {
    return `esdb://127.0.0.1:${this.port}?tls=false`;
  }

  get isRunning(): boolean {
    return this.server !== undefined;
  }

  /** The subscriptions being served right now. */
  get subscriptions(): readonly ActiveSubscription[] {
    return [...this.active];
  }

  /** (Re)starts serving, on the same port as before if there was one. */
  async start(): Promise<void> {
    if (this.server) return;
    const server = new grpc.Server();
    const reads = new EsdbDoubleReads(this.log, this.counters, this.active);
    const appends = new EsdbDoubleAppends(this.log, this.counters);
    const streamsImplementation: grpc.UntypedServiceImplementation = {
      read: reads.handle,
      append: appends.append,
      batchAppend: appends.batchAppend,
      delete: unimplemented,
      tombstone: unimplemented,
    };
    if (this.options.batchAppend === false) streamsImplementation.batchAppend = unimplemented;
    server.addService(StreamsService, streamsImplementation);
    server.addService(ServerFeaturesService, { getSupportedMethods: this.supportedMethods });
    this.boundPort = await new Promise<number>((resolve, reject) => {
      server.bindAsync(`127.0.0.1:${this.boundPort ?? 0}`, grpc.ServerCredentials.createInsecure(), (error, port) =>
        error ? reject(error) : resolve(port),
      );
    });
    this.server = server;
  }

  /** Makes the server unreachable: every call in flight fails, the data stays for `start()`. */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    for (const subscription of this.active) subscription.drop(grpc.status.UNAVAILABLE, 'Server is shutting down.');
    server.forceShutdown();
    await new Promise((resolve) => setImmediate(resolve));
  }

  /** Ends every active subscription with an error mid-stream; returns how many were dropped. */
  dropSubscriptions(code: grpc.status = grpc.status.UNAVAILABLE, details = 'subscription dropped by the test double'): number {
    const dropped = [...this.active];
    for (const subscription of dropped) subscription.drop(code, details);
    this.counters.subscriptionsDropped += dropped.length;
    return dropped.length;
  }

  /** Appends a `$`-prefixed record, as EventStoreDB's own subsystems do. */
  appendSystemEvent(streamName = '$stats-127.0.0.1:2113', type = '$statsCollected'): StoredRecord {
    const empty = new Uint8Array();
    this.log.append(streamName, { kind: 'any' }, [
      { id: randomUUID(), type, contentType: 'application/json', data: Buffer.from('{}'), customMetadata: empty },
    ]);
    const stream = this.log.stream(streamName)!;
    return stream[stream.length - 1];
  }

  private readonly supportedMethods: grpc.handleUnaryCall<shared.Empty, serverFeatures.SupportedMethods> = (_call, callback) => {
    const response = new serverFeatures.SupportedMethods();
    response.setEventStoreServerVersion(this.options.serverVersion ?? '23.10.0 (protocol double)');
    const methods: Array<[string, string, string[]]> = [
      ['event_store.client.streams.streams', 'read', ['position', 'events']],
      ['event_store.client.streams.streams', 'append', []],
      ['event_store.client.server_features.serverfeatures', 'getsupportedmethods', []],
    ];
    if (this.options.batchAppend !== false) methods.push(['event_store.client.streams.streams', 'batchappend', []]);
    for (const [service, method, features] of methods) {
      const supported = new serverFeatures.SupportedMethod();
      supported.setServiceName(service);
      supported.setMethodName(method);
      supported.setFeaturesList(features);
      response.addMethods(supported);
    }
    callback(null, response);
  };
}

function unimplemented(_call: unknown, callback?: grpc.sendUnaryData<unknown>): void {
  const error = { code: grpc.status.UNIMPLEMENTED, details: 'not served by the EventStoreDB double' };
  if (typeof callback === 'function') callback(error);
  else (_call as { emit(event: 'error', value: unknown): void }).emit('error', error);
}
