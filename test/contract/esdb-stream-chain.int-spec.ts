import { generateKeyPairSync } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { EsdbEventStore } from '../../src/shared/event-store/eventstoredb/esdb-event-store';
import { CheckpointLog } from '../../src/integrity/checkpoints/checkpoint-log';
import { StreamHeadsCheckpointer } from '../../src/integrity/checkpoints/stream-heads-checkpointer';
import { HeadsFile } from '../../src/integrity/checkpoints/heads-file';
import { keyIdOf } from '../../src/integrity/domain/checkpoint';
import { verifyStreamChains } from '../../src/integrity/domain/stream-chain-verification';
import { EsdbDouble } from '../doubles/esdb/esdb-double.server';
import { metadataFor, newEvent, newStream } from './event-store-contract.helpers';

/** The chain per stream that the EventStoreDB adapter keeps (docs/integrity.md), on the protocol double. */
describe('EventStoreDB adapter: a chain per stream', () => {
  let double: EsdbDouble;
  let store: EsdbEventStore;
  beforeEach(async () => {
    double = await EsdbDouble.start();
    store = await EsdbEventStore.connect(double.connectionString);
  });
  afterEach(async () => {
    await store.close();
    await double.stop();
  });

  const chains = { readChain: (after: number, max: number) => store.readStreamChains(after, max) };

  /** Given two streams written as the service writes them (exact revisions), interleaved, and one by `any` appenders racing. */
  async function givenStreams() {
    const [deduction, ticket, raced] = [newStream(), newStream(), newStream()];
    await store.append(deduction, [newEvent('DeductionApplied', { points: 2 }, metadataFor('employee:E-1'))], { expectedRevision: 'no_stream' });
    await store.append(ticket, [newEvent('TicketDispatched'), newEvent('TicketAcknowledged')], { expectedRevision: 'no_stream' });
    await store.append(deduction, [newEvent('DeductionContested')], { expectedRevision: 0 });
    await store.append(ticket, [newEvent('TicketResolved')], { expectedRevision: 1 });
    await Promise.all([1, 2, 3, 4, 5].map((n) => store.append(raced, [newEvent(`Raced${n}`)], { expectedRevision: 'any' })));
    return { deduction, ticket, raced };
  }

  it('given events appended with exact revisions and by racing `any` appenders, when verified, then every stream is intact', async () => {
    const { raced } = await givenStreams();

    expect(await verifyStreamChains(chains)).toMatchObject({ intact: true, events: 10, streams: 3, findings: [] });
    expect((await store.readStream(raced)).map((event) => event.revision)).toEqual([0, 1, 2, 3, 4]);
  });

  it('keeps the links out of the metadata it returns', async () => {
    const { deduction } = await givenStreams();

    const [applied] = await store.readStream(deduction);

    expect(Object.keys(applied.metadata).sort()).toEqual(['actor', 'causationId', 'correlationId', 'occurredAt', 'recordedAt', 'subjects']);
  });

  it("given a stored deduction's points changed on the server, then that event is named altered", async () => {
    const { deduction } = await givenStreams();
    const record = double.log.stream(deduction)![0];
    record.data = Buffer.from(JSON.stringify({ points: 0 }));

    const report = await verifyStreamChains(chains);

    expect(report.intact).toBe(false);
    expect(report.findings).toEqual([expect.objectContaining({ kind: 'altered', position: Number(record.position) })]);
    expect(report.findings[0].message).toContain(`${deduction} revision 0`);
  });

  it('given an event deleted from the middle of a stream on the server, then its revision is named missing', async () => {
    const { ticket } = await givenStreams();
    const removed = double.log.stream(ticket)![1];
    double.log.records.splice(double.log.records.indexOf(removed), 1);
    double.log.stream(ticket)!.splice(1, 1);

    const report = await verifyStreamChains(chains);

    expect(report.findings).toEqual([expect.objectContaining({ kind: 'missing' })]);
    expect(report.findings[0].message).toBe(`revision 1 of ${ticket} is missing: the stream goes from revision 0 to 2`);
  });
});

/** Checkpoints over the streams' heads, signed from EventStoreDB (the protocol double), and what they catch. */
describe("EventStoreDB adapter: checkpoints over the streams' heads", () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const key = { privateKey, publicKey, keyId: keyIdOf(publicKey), source: 'generated' as const, file: 'signing-key.pem' };
  const clock = { now: () => new Date('2026-04-01T00:00:00.000Z') };
  let double: EsdbDouble;
  let store: EsdbEventStore;
  let dir: string;
  beforeEach(async () => {
    double = await EsdbDouble.start();
    store = await EsdbEventStore.connect(double.connectionString);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-esdb-checkpoints-'));
  });
  afterEach(async () => {
    await store.close();
    await double.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const log = () => new CheckpointLog(path.join(dir, 'checkpoints.jsonl'));
  const headsFile = () => new HeadsFile(path.join(dir, 'heads.json'));
  const checkpointer = () => new StreamHeadsCheckpointer(store.streamChain, { key, log: log(), headsFile: headsFile(), clock });
  const verify = () => verifyStreamChains(store.streamChain, log().read().checkpoints, publicKey, headsFile().read());

  async function givenADeductionAndATicket() {
    const [deduction, ticket] = [newStream(), newStream()];
    await store.append(deduction, [newEvent('DeductionApplied', { points: 2 }, metadataFor('employee:E-1'))], { expectedRevision: 'no_stream' });
    await store.append(ticket, [newEvent('TicketDispatched'), newEvent('TicketAcknowledged')], { expectedRevision: 'no_stream' });
    await store.append(deduction, [newEvent('DeductionContested')], { expectedRevision: 0 });
    return { deduction, ticket };
  }

  it('given a checkpoint signed, then events appended, when verified, then the log is verified up to it and the later events are unsigned', async () => {
    await givenADeductionAndATicket();
    const head = await store.headPosition();
    const checkpoint = await checkpointer().sign();
    await store.append(newStream(), [newEvent('ComplaintReceived')], { expectedRevision: 'no_stream' });

    expect(checkpoint).toMatchObject({ format: 'ledger-stream-heads/1', size: 2, position: head });
    expect(await verify()).toMatchObject({ intact: true, verifiedUpTo: { position: checkpoint.position, size: 4 }, unsignedEvents: 1, streams: 3 });
  });

  it("given a stream's last event deleted on the server after a checkpoint, which no link shows, then the stream is named truncated", async () => {
    const { deduction } = await givenADeductionAndATicket();
    await checkpointer().sign();
    const last = double.log.stream(deduction)!.pop()!;
    double.log.records.splice(double.log.records.indexOf(last), 1);

    expect(await verifyStreamChains(store.streamChain)).toMatchObject({ intact: true }); // the links alone cannot tell
    const report = await verify();
    expect(report.intact).toBe(false);
    expect(report.findings).toEqual([expect.objectContaining({ kind: 'truncated', message: expect.stringMatching(new RegExp(`^${deduction} ends at revision 0, .* saw revision 1`)) })]);
  });

  it('after a restart, resumes from the heads saved with the last checkpoint, reading only the events since, and signs the same root as a fresh read', async () => {
    await givenADeductionAndATicket();
    await checkpointer().sign();
    await store.append(newStream(), [newEvent('ComplaintReceived')], { expectedRevision: 'no_stream' });
    const read = { events: 0 };
    const counting = {
      readChain: async (after: number, max: number) => {
        const page = await store.readStreamChains(after, max);
        read.events += page.length;
        return page;
      },
    };

    const resumed = await new StreamHeadsCheckpointer(counting, { key, log: log(), headsFile: headsFile(), clock }).sign();
    expect(read.events).toBe(1);
    fs.rmSync(path.join(dir, 'heads.json'));
    const fresh = await new StreamHeadsCheckpointer(counting, { key, log: log(), headsFile: headsFile(), clock }).sign();
    expect(read.events).toBe(1 + 5);
    expect(resumed).toMatchObject({ size: 3, root: fresh.root, position: fresh.position });
  });

  it('does not resume from saved heads that are not the ones signed', async () => {
    await givenADeductionAndATicket();
    await checkpointer().sign();
    const saved = headsFile().read()!;
    headsFile().save({ ...saved, streams: saved.streams!.slice(1) });

    const again = await checkpointer().sign();
    expect(again.size).toBe(2);
    expect((await verify()).intact).toBe(true);
  });
});
