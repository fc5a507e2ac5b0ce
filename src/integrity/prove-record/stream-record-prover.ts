import { eventDigest } from '../../shared/domain/event-chain';
import type { EventStore, StreamChainReader } from '../../shared/event-store/event-store.port';
import type { ChainCheckpointer } from '../checkpoints/chain-checkpointer';
import type { HeadsTree } from '../domain/heads-tree';
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
    private readonly checkpointer: ChainCheckpointer,
  ) {
    super();
  }

  async prove(employeeId: string): Promise<RecordProof> {
    const { subject, record } = await recordToProve(this.store, employeeId);
    const { checkpoint, subjectPath, streams } = await this.checkpointer.signThen((signed) => ({
      checkpoint: signed.checkpoint,
      subjectPath: subjectPathOf(signed.subjects, subject),
      streams: streamsAt(signed.streams!, new Set(record.filter((event) => event.position <= signed.checkpoint.position).map((event) => event.streamName))),
    }));
    const wanted = new Set(record.filter((event) => event.position <= checkpoint.position).map((event) => `${event.streamName}@${event.revision}`));
    const events: EventToProve[] = [];
    for (const [streamName, { revision, index }] of streams) {
      const stored = (await this.chain.readStream(streamName)).filter((event) => event.revision <= revision);
      const digests = stored.map((event) => eventDigest(event));
      stored.forEach((event, at) => {
        if (wanted.has(`${streamName}@${event.revision}`)) events.push({ ...event, index, following: digests.slice(at + 1) });
      });
    }
    events.sort((a, b) => a.position - b.position);
    const paths = new Map([...streams.values()].map(({ index, path }) => [index, path]));
    return proveRecord(subject, checkpoint, { proof: (index) => paths.get(index)! }, events, subjectPath);
  }
}

/** Each stream's head revision, its leaf's index and audit path, as signed (a stream not in the heads has nothing to prove). */
function streamsAt(heads: HeadsTree, names: Set<string>): Map<string, { revision: number; index: number; path: Buffer[] }> {
  const levels = heads.levels();
  const streams = new Map<string, { revision: number; index: number; path: Buffer[] }>();
  for (const name of names) {
    const head = heads.get(name);
    const index = heads.indexOf(name);
    if (head && index !== undefined) streams.set(name, { revision: head.revision, index, path: levels.proof(index) });
  }
  return streams;
}
