import type { Clock } from '../../shared/clock';
import { signCheckpoint, STREAM_HEADS_CHECKPOINT_FORMAT } from '../domain/checkpoint';
import type { SignedCheckpoint } from '../domain/checkpoint';
import { refuseIntegrity } from '../domain/integrity.errors';
import type { StreamChainSource } from '../domain/stream-chain-verification';
import { STREAM_HEAD_FORMAT, HeadsTree } from '../domain/heads-tree';
import type { SigningKey } from '../signing-key/signing-key';
import { ChainCheckpointer } from './chain-checkpointer';
import type { CheckpointLog } from './checkpoint-log';
import type { StreamHeadsFile } from './stream-heads-file';

const PAGE = 5_000;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Signs the heads of a store chained per stream (EventStoreDB): the root over every stream's
 * newest link, as `$all` stands at its newest event. It keeps the heads it has read, so a
 * checkpoint reads only the events appended since the one before; they are saved beside the
 * newest checkpoint, so a start resumes from there when their root is the one signed.
 */
export class StreamHeadsCheckpointer extends ChainCheckpointer {
  private tree = new HeadsTree(STREAM_HEAD_FORMAT);
  private head: { position: number; link: Buffer | null } | undefined;
  private resumed = false;

  constructor(
    private readonly chain: StreamChainSource,
    private readonly key: SigningKey,
    private readonly log: CheckpointLog,
    private readonly headsFile: StreamHeadsFile,
    private readonly clock: Clock,
  ) {
    super();
  }

  async sign(): Promise<SignedCheckpoint> {
    return (await this.signHeads()).checkpoint;
  }

  /** A checkpoint signed now, with the heads it was signed over (a copy: a record proof cuts its paths from them). */
  signHeads(): Promise<{ checkpoint: SignedCheckpoint; heads: HeadsTree }> {
    return this.inTurn(() => this.signNow());
  }

  private async signNow(): Promise<{ checkpoint: SignedCheckpoint; heads: HeadsTree }> {
    if (!this.resumed) this.resumeFromSavedHeads();
    for (let page = await this.chain.readChain(this.head?.position ?? 0, PAGE); page.length > 0; page = await this.chain.readChain(this.head!.position, PAGE)) {
      for (const event of page) {
        this.tree.set(event.streamName, { revision: event.revision, link: event.chainLink });
        this.head = { position: event.position, link: event.chainLink };
      }
      await nextTurn(); // the first checkpoint after a start may read all of $all: requests go on meanwhile
    }
    if (!this.head) throw refuseIntegrity('chain_empty', 'the event log is empty: there is nothing to sign yet');
    const checkpoint = signCheckpoint(
      { size: this.tree.size, position: this.head.position, link: this.head.link?.toString('hex') ?? '', root: this.tree.root().toString('hex'), signedAt: this.clock.now().toISOString() },
      this.key.privateKey,
      this.key.publicKey,
      STREAM_HEADS_CHECKPOINT_FORMAT,
    );
    const heads = this.tree.state();
    this.log.append(checkpoint);
    this.headsFile.save({ position: checkpoint.position, heads });
    return { checkpoint, heads: HeadsTree.restore(STREAM_HEAD_FORMAT, heads)! };
  }

  private resumeFromSavedHeads(): void {
    this.resumed = true;
    const saved = this.headsFile.read();
    if (!saved) return;
    const signed = this.log
      .read()
      .checkpoints.filter((line) => line.format === STREAM_HEADS_CHECKPOINT_FORMAT && line.keyId === this.key.keyId && line.position === saved.position)
      .pop();
    const tree = HeadsTree.restore(STREAM_HEAD_FORMAT, saved.heads);
    if (!signed || !tree || tree.size !== signed.size || tree.root().toString('hex') !== signed.root) return;
    this.tree = tree;
    this.head = { position: signed.position, link: signed.link === '' ? null : Buffer.from(signed.link, 'hex') };
  }
}
