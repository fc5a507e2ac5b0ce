import type { ChainReader, EventStore } from '../../shared/event-store/event-store.port';
import { GENESIS_LINK } from '../../shared/domain/event-chain';
import type { ChainCheckpointer } from '../checkpoints/chain-checkpointer';
import { MerkleLevels } from '../domain/merkle-tree';
import { proveRecord } from '../domain/record-proof';
import type { EventToProve, RecordProof } from '../domain/record-proof';
import { RecordProver, recordToProve, subjectPathOf } from './record-prover';

const PAGE = 10_000;

/**
 * An employee's record with its proof from the embedded store's chain: a checkpoint signed now,
 * the tree over every link up to it, each of the employee's events with its audit path, and the
 * employee's path among the subjects' heads. The tree is built for each export (a million links:
 * ~64 MB for the moment and a few seconds, a slice per turn of the event loop).
 */
export class LogRecordProver extends RecordProver {
  constructor(
    private readonly store: EventStore,
    private readonly chain: ChainReader,
    private readonly checkpointer: ChainCheckpointer,
  ) {
    super();
  }

  async prove(employeeId: string): Promise<RecordProof> {
    const { subject, record } = await recordToProve(this.store, employeeId);
    const { checkpoint, subjectPath } = await this.checkpointer.signThen(({ checkpoint, subjects }) => ({ checkpoint, subjectPath: subjectPathOf(subjects, subject) }));
    const { packed, positions } = await readLinksUpTo(this.chain, checkpoint.size);
    const tree = await MerkleLevels.build(packed);
    const events: EventToProve[] = [];
    for (const { position } of record) {
      if (position > checkpoint.position) break;
      const [row] = await this.chain.readChain(position - 1, 1);
      const index = indexOf(positions, position);
      if (row?.position === position && index !== undefined) events.push({ ...row, index });
    }
    return proveRecord(subject, checkpoint, tree, events, subjectPath);
  }
}

async function readLinksUpTo(chain: ChainReader, size: number): Promise<{ packed: Buffer; positions: Float64Array }> {
  const packed = Buffer.alloc(size * 32);
  const positions = new Float64Array(size);
  let count = 0;
  for (let after = 0; count < size; ) {
    const page = await chain.readLinks(after, Math.min(PAGE, size - count));
    if (page.length === 0) break;
    for (const { position, link } of page) {
      (link ?? GENESIS_LINK).copy(packed, count * 32);
      positions[count++] = position;
      after = position;
    }
  }
  return { packed: packed.subarray(0, count * 32), positions: positions.subarray(0, count) };
}

function indexOf(positions: Float64Array, position: number): number | undefined {
  let low = 0;
  let high = positions.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (positions[middle] === position) return middle;
    if (positions[middle] < position) low = middle + 1;
    else high = middle - 1;
  }
  return undefined;
}
