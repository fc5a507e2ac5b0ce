import { EsdbEventStore } from '../../src/shared/event-store/eventstoredb/esdb-event-store';
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

    expect(await verifyStreamChains(chains)).toEqual({ intact: true, events: 10, streams: 3, findings: [] });
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
