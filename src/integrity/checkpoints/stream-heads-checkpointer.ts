import { signCheckpoint, STREAM_HEADS_CHECKPOINT_FORMAT } from '../domain/checkpoint';
import { refuseIntegrity } from '../domain/integrity.errors';
import type { StreamChainSource } from '../domain/stream-chain-verification';
import { foldIntoSubjects, HeadsTree, STREAM_HEAD_FORMAT, SUBJECT_HEAD_FORMAT } from '../domain/heads-tree';
import { ChainCheckpointer } from './chain-checkpointer';
import type { SignedHeads, Signing } from './chain-checkpointer';

const PAGE = 5_000;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Signs the heads of a store chained per stream (EventStoreDB): the root over every stream's
 * newest link, and the root over every subject's events, as `$all` stands at its newest event. It
 * keeps the heads it has read, so a checkpoint reads only the events appended since the one before;
 * they are saved beside the newest checkpoint, so a start resumes from there when their roots are
 * the ones signed.
 */
export class StreamHeadsCheckpointer extends ChainCheckpointer {
  private streams = new HeadsTree(STREAM_HEAD_FORMAT);
  private subjects = new HeadsTree(SUBJECT_HEAD_FORMAT);
  private head: { position: number; link: Buffer | null } | undefined;
  private resumed = false;

  constructor(
    private readonly chain: StreamChainSource,
    signing: Signing,
  ) {
    super(signing);
  }

  protected async signNow(): Promise<SignedHeads> {
    if (!this.resumed) this.resumeFromSavedHeads();
    for (let page = await this.chain.readChain(this.head?.position ?? 0, PAGE); page.length > 0; page = await this.chain.readChain(this.head!.position, PAGE)) {
      for (const event of page) {
        this.streams.set(event.streamName, { revision: event.revision, link: event.chainLink });
        foldIntoSubjects(this.subjects, event.metadata, event.chainLink);
        this.head = { position: event.position, link: event.chainLink };
      }
      await nextTurn(); // the first checkpoint after a start may read all of $all: requests go on meanwhile
    }
    if (!this.head) throw refuseIntegrity('chain_empty', 'the event log is empty: there is nothing to sign yet');
    const checkpoint = signCheckpoint(
      {
        size: this.streams.size,
        position: this.head.position,
        link: this.head.link?.toString('hex') ?? '',
        root: this.streams.root().toString('hex'),
        signedAt: this.signing.clock.now().toISOString(),
        subjects: { size: this.subjects.size, root: this.subjects.root().toString('hex') },
      },
      this.signing.key.privateKey,
      this.signing.key.publicKey,
      STREAM_HEADS_CHECKPOINT_FORMAT,
    );
    const saved = { position: checkpoint.position, streams: this.streams.state(), subjects: this.subjects.state() };
    this.signing.log.append(checkpoint);
    this.signing.headsFile.save(saved);
    return { checkpoint, streams: this.streams, subjects: this.subjects };
  }

  private resumeFromSavedHeads(): void {
    this.resumed = true;
    const saved = this.signing.headsFile.read();
    if (!saved) return;
    const signed = this.signing.log
      .read()
      .checkpoints.filter((line) => line.format === STREAM_HEADS_CHECKPOINT_FORMAT && line.keyId === this.signing.key.keyId && line.position === saved.position)
      .pop();
    const streams = HeadsTree.restore(STREAM_HEAD_FORMAT, saved.streams ?? []);
    const subjects = HeadsTree.restore(SUBJECT_HEAD_FORMAT, saved.subjects ?? []);
    if (!signed?.subjects || !streams || !subjects || !isRootOf(streams, signed) || !isRootOf(subjects, signed.subjects)) return;
    this.streams = streams;
    this.subjects = subjects;
    this.head = { position: signed.position, link: signed.link === '' ? null : Buffer.from(signed.link, 'hex') };
  }
}

const isRootOf = (tree: HeadsTree, signed: { size: number; root: string }) => tree.size === signed.size && tree.root().toString('hex') === signed.root;
