import { Inject, Injectable } from '@nestjs/common';
import { refuseIntegrity } from '../domain/integrity.errors';
import { CLOCK } from '../../shared/clock';
import type { Clock } from '../../shared/clock';
import { GENESIS_LINK } from '../../shared/domain/event-chain';
import { EVENT_STORE } from '../../shared/event-store/event-store.port';
import type { ChainReader, EventStore } from '../../shared/event-store/event-store.port';
import { signCheckpoint } from '../domain/checkpoint';
import type { SignedCheckpoint } from '../domain/checkpoint';
import { MerkleFrontier } from '../domain/merkle-tree';
import { SIGNING_KEY } from '../signing-key/signing-key';
import type { SigningKey } from '../signing-key/signing-key';
import { CheckpointLog } from './checkpoint-log';

const PAGE = 10_000;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Signs the chain's head: on demand (POST /integrity/checkpoints), at each period close (the seal
 * records it) and for each record proof. It keeps the Merkle frontier of the links it has read, so
 * a checkpoint reads only the links appended since the one before; the frontier is saved beside
 * each checkpoint in the log, so after a start it resumes from the last one instead of reading
 * every link of the log (which also pushed the stores' pages out of the cache: each close after it
 * was slower, the more so the longer the log). A saved frontier whose head is not the stored link
 * at its position is not used. Signatures go one at a time.
 */
@Injectable()
export class ChainCheckpointer {
  private frontier = new MerkleFrontier();
  private head: { position: number; link: Buffer } | undefined;
  private resumed = false;
  private turn: Promise<unknown> = Promise.resolve();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SIGNING_KEY) private readonly key: SigningKey,
    private readonly log: CheckpointLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Whether the event store keeps the chain (the embedded one does; docs/integrity.md). */
  get keepsChain(): boolean {
    return this.store.chain !== undefined;
  }

  sign(): Promise<SignedCheckpoint> {
    const signed = this.turn.then(() => this.signNow());
    this.turn = signed.catch(() => undefined);
    return signed;
  }

  private async signNow(): Promise<SignedCheckpoint> {
    const chain = this.chain();
    if (!this.resumed) await this.resumeFromLog(chain);
    for (let page = await chain.readLinks(this.head?.position ?? 0, PAGE); page.length > 0; page = await chain.readLinks(this.head!.position, PAGE)) {
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

  private async resumeFromLog(chain: ChainReader): Promise<void> {
    this.resumed = true;
    const last = this.log.read().checkpoints.filter((line) => line.keyId === this.key.keyId && line.frontier).pop();
    const frontier = last?.frontier && MerkleFrontier.restore(last.frontier);
    if (!last || !frontier || frontier.size !== last.size) return;
    const [stored] = await chain.readLinks(last.position - 1, 1);
    if (stored?.position !== last.position || stored.link?.toString('hex') !== last.link) return;
    this.frontier = frontier;
    this.head = { position: last.position, link: stored.link };
  }

  private chain(): ChainReader {
    if (!this.store.chain) {
      throw refuseIntegrity('chain_not_kept', 'this event store keeps no chain: checkpoints and proofs need the embedded store (docs/integrity.md)');
    }
    return this.store.chain;
  }
}
