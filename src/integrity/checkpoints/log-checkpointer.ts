import { refuseIntegrity } from '../domain/integrity.errors';
import type { Clock } from '../../shared/clock';
import { GENESIS_LINK } from '../../shared/domain/event-chain';
import type { ChainReader } from '../../shared/event-store/event-store.port';
import { signCheckpoint } from '../domain/checkpoint';
import type { SignedCheckpoint } from '../domain/checkpoint';
import { MerkleFrontier } from '../domain/merkle-tree';
import type { SigningKey } from '../signing-key/signing-key';
import { ChainCheckpointer } from './chain-checkpointer';
import type { CheckpointLog } from './checkpoint-log';

const PAGE = 10_000;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Signs the head of the embedded store's chain, one over the whole log in global order. It keeps
 * the Merkle frontier of the links it has read, so a checkpoint reads only the links appended since
 * the one before; the frontier is saved beside each checkpoint in the log, so after a start it
 * resumes from the last one instead of reading every link of the log (which also pushed the
 * stores' pages out of the cache: each close after it was slower, the more so the longer the log).
 * A saved frontier whose head is not the stored link at its position is not used.
 */
export class LogCheckpointer extends ChainCheckpointer {
  private frontier = new MerkleFrontier();
  private head: { position: number; link: Buffer } | undefined;
  private resumed = false;

  constructor(
    private readonly chain: ChainReader,
    private readonly key: SigningKey,
    private readonly log: CheckpointLog,
    private readonly clock: Clock,
  ) {
    super();
  }

  sign(): Promise<SignedCheckpoint> {
    return this.inTurn(() => this.signNow());
  }

  private async signNow(): Promise<SignedCheckpoint> {
    if (!this.resumed) await this.resumeFromLog();
    for (let page = await this.chain.readLinks(this.head?.position ?? 0, PAGE); page.length > 0; page = await this.chain.readLinks(this.head!.position, PAGE)) {
      for (const { position, link } of page) {
        this.frontier.add(link ?? GENESIS_LINK);
        this.head = { position, link: link ?? GENESIS_LINK };
      }
      await nextTurn(); // the first checkpoint after a start reads every link: requests go on meanwhile
    }
    if (!this.head) throw refuseIntegrity('chain_empty', 'the event log is empty: there is nothing to sign yet');
    const checkpoint = signCheckpoint(
      { size: this.frontier.size, position: this.head.position, link: this.head.link.toString('hex'), root: this.frontier.root().toString('hex'), signedAt: this.clock.now().toISOString() },
      this.key.privateKey,
      this.key.publicKey,
    );
    this.log.append({ ...checkpoint, frontier: this.frontier.state() });
    return checkpoint;
  }

  private async resumeFromLog(): Promise<void> {
    this.resumed = true;
    const last = this.log.read().checkpoints.filter((line) => line.keyId === this.key.keyId && line.frontier).pop();
    const frontier = last?.frontier && MerkleFrontier.restore(last.frontier);
    if (!last || !frontier || frontier.size !== last.size) return;
    const [stored] = await this.chain.readLinks(last.position - 1, 1);
    if (stored?.position !== last.position || stored.link?.toString('hex') !== last.link) return;
    this.frontier = frontier;
    this.head = { position: last.position, link: stored.link };
  }
}
