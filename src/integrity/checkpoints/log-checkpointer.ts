import { refuseIntegrity } from '../domain/integrity.errors';
import { GENESIS_LINK } from '../../shared/domain/event-chain';
import type { ChainReader } from '../../shared/event-store/event-store.port';
import { CHECKPOINT_FORMAT, signCheckpoint } from '../domain/checkpoint';
import { foldIntoSubjects, HeadsTree, SUBJECT_HEAD_FORMAT } from '../domain/heads-tree';
import { MerkleFrontier } from '../domain/merkle-tree';
import { ChainCheckpointer } from './chain-checkpointer';
import type { SignedHeads, Signing } from './chain-checkpointer';

const PAGE = 10_000;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Signs the head of the embedded store's chain, one over the whole log in global order, with the
 * subjects' heads. It keeps the Merkle frontier of the links it has read and the subjects' heads,
 * so a checkpoint reads only the events appended since the one before; the frontier is saved beside
 * each checkpoint in the log and the subjects' heads in the heads file, so after a start it resumes
 * from the last checkpoint instead of reading the whole log (which also pushed the stores' pages out
 * of the cache: each close after it was slower, the more so the longer the log). Saved state whose
 * head is not the stored link at its position, or whose roots are not the signed ones, is not used.
 */
export class LogCheckpointer extends ChainCheckpointer {
  private frontier = new MerkleFrontier();
  private subjects = new HeadsTree(SUBJECT_HEAD_FORMAT);
  private head: { position: number; link: Buffer } | undefined;
  private resumed = false;

  constructor(
    private readonly chain: ChainReader,
    signing: Signing,
  ) {
    super(signing);
  }

  protected async signNow(): Promise<SignedHeads> {
    if (!this.resumed) await this.resumeFromLog();
    const after = () => this.head?.position ?? 0;
    for (let page = await this.chain.readLinksAndMetadata(after(), PAGE); page.length > 0; page = await this.chain.readLinksAndMetadata(after(), PAGE)) {
      for (const { position, link, metadata } of page) {
        this.frontier.add(link ?? GENESIS_LINK);
        foldIntoSubjects(this.subjects, metadata, link);
        this.head = { position, link: link ?? GENESIS_LINK };
      }
      await nextTurn(); // the first checkpoint after a start may read every event: requests go on meanwhile
    }
    if (!this.head) throw refuseIntegrity('chain_empty', 'the event log is empty: there is nothing to sign yet');
    const checkpoint = signCheckpoint(
      {
        size: this.frontier.size,
        position: this.head.position,
        link: this.head.link.toString('hex'),
        root: this.frontier.root().toString('hex'),
        signedAt: this.signing.clock.now().toISOString(),
        subjects: { size: this.subjects.size, root: this.subjects.root().toString('hex') },
      },
      this.signing.key.privateKey,
      this.signing.key.publicKey,
    );
    const subjects = this.subjects.state();
    this.signing.log.append({ ...checkpoint, frontier: this.frontier.state() });
    this.signing.headsFile.save({ position: checkpoint.position, subjects });
    return { checkpoint, subjects: this.subjects };
  }

  private async resumeFromLog(): Promise<void> {
    this.resumed = true;
    const saved = this.signing.headsFile.read();
    const last = this.signing.log
      .read()
      .checkpoints.filter((line) => line.format === CHECKPOINT_FORMAT && line.keyId === this.signing.key.keyId && line.frontier && line.subjects && line.position === saved?.position)
      .pop();
    const frontier = last?.frontier && MerkleFrontier.restore(last.frontier);
    const subjects = saved?.subjects && HeadsTree.restore(SUBJECT_HEAD_FORMAT, saved.subjects);
    if (!last?.subjects || !frontier || frontier.size !== last.size || !subjects) return;
    if (subjects.size !== last.subjects.size || subjects.root().toString('hex') !== last.subjects.root) return;
    const [stored] = await this.chain.readLinks(last.position - 1, 1);
    if (stored?.position !== last.position || stored.link?.toString('hex') !== last.link) return;
    this.frontier = frontier;
    this.subjects = subjects;
    this.head = { position: last.position, link: stored.link };
  }
}
