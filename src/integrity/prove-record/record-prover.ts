import { Inject, Injectable } from '@nestjs/common';
import { NotFoundError } from '../../shared/domain/domain-error';
import { employeeSubject } from '../../shared/domain/subjects';
import { EVENT_STORE } from '../../shared/event-store/event-store.port';
import type { ChainReader, EventStore } from '../../shared/event-store/event-store.port';
import { GENESIS_LINK } from '../../shared/domain/event-chain';
import { ChainCheckpointer } from '../checkpoints/chain-checkpointer';
import { refuseIntegrity } from '../domain/integrity.errors';
import { MerkleLevels } from '../domain/merkle-tree';
import { proveRecord } from '../domain/record-proof';
import type { RecordProof } from '../domain/record-proof';
import type { ChainedEvent } from '../../shared/domain/event-chain';

const PAGE = 10_000;

/**
 * An employee's record with its proof: a checkpoint signed now, the tree over every link up to it,
 * and each of the employee's events with its audit path. The tree is built for each export (a
 * million links: ~64 MB for the moment and a few seconds, a slice per turn of the event loop).
 */
@Injectable()
export class RecordProver {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly checkpointer: ChainCheckpointer,
  ) {}

  async prove(employeeId: string): Promise<RecordProof> {
    if (!this.store.chain) throw refuseIntegrity('chain_not_kept', 'record proofs are made from the embedded store\'s chain; on EventStoreDB they are not built yet (docs/integrity.md)');
    const subject = employeeSubject(employeeId);
    const record = await this.store.readBySubject(subject);
    // as GET /employees/:id/record answers: no proof, and no checkpoint signed, for nobody's record
    if (!record.some((event) => event.type === 'EmployeeRegistered')) throw new NotFoundError('employee', employeeId);
    const checkpoint = await this.checkpointer.sign();
    const chain = this.store.chain;
    const { packed, positions } = await readLinksUpTo(chain, checkpoint.size);
    const tree = await MerkleLevels.build(packed);
    const events: (ChainedEvent & { index: number })[] = [];
    for (const { position } of record) {
      if (position > checkpoint.position) break;
      const [row] = await chain.readChain(position - 1, 1);
      const index = indexOf(positions, position);
      if (row?.position === position && index !== undefined) events.push({ ...row, index });
    }
    return proveRecord(subject, checkpoint, tree, events);
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
