import { eventDigest } from '../../shared/domain/event-chain';
import type { EventStore, StreamChainReader } from '../../shared/event-store/event-store.port';
import type { StreamHeadsCheckpointer } from '../checkpoints/stream-heads-checkpointer';
import { proveRecord } from '../domain/record-proof';
import type { EventToProve, RecordProof } from '../domain/record-proof';
import { RecordProver, recordToProve, subjectPathOf } from './record-prover';

/**
 * An employee's record with its proof from EventStoreDB's chains per stream: a checkpoint over the
 * streams' heads signed now, and for each of the employee's events up to it, the digests of the
 * events after it in its stream up to the head signed, and its stream's audit path. Each stream
 * the record touches is read once.
 */
export class StreamRecordProver extends RecordProver {
  constructor(
    private readonly store: EventStore,
    private readonly chain: StreamChainReader,
    private readonly checkpointer: StreamHeadsCheckpointer,
  ) {
    super();
  }

  async prove(employeeId: string): Promise<RecordProof> {
    const { subject, record } = await recordToProve(this.store, employeeId);
    const { checkpoint, streams: heads, subjects } = await this.checkpointer.signHeads();
    const streamIndex = new Map(heads.chainNames().map((name, index) => [name, index]));
    const revisionsByStream = new Map<string, Set<number>>();
    for (const event of record) {
      if (event.position > checkpoint.position) continue;
      revisionsByStream.set(event.streamName, (revisionsByStream.get(event.streamName) ?? new Set()).add(event.revision));
    }
    const events: EventToProve[] = [];
    for (const [streamName, revisions] of revisionsByStream) {
      const head = heads.get(streamName);
      const index = streamIndex.get(streamName);
      if (!head || index === undefined) continue; // not in the checkpoint: nothing of it to prove
      const stored = (await this.chain.readStream(streamName)).filter((event) => event.revision <= head.revision);
      const digests = stored.map((event) => eventDigest(event));
      stored.forEach((event, at) => {
        if (revisions.has(event.revision)) events.push({ ...event, index, following: digests.slice(at + 1) });
      });
    }
    events.sort((a, b) => a.position - b.position);
    return proveRecord(subject, checkpoint, heads.levels(), events, subjectPathOf(subjects, subject));
  }
}
