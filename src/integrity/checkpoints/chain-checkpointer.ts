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
 * a checkpoint reads only the links appended since the one before (the first after a start reads
 * them all). Signatures go one at a time: two checkpoints never interleave their reads.
 */
@Injectable()
export class ChainCheckpointer {
  private readonly frontier = new MerkleFrontier();
  private head: { position: number; link: Buffer } | undefined;
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
    this.log.append(checkpoint);
    return checkpoint;
  }

  private chain(): ChainReader {
    if (!this.store.chain) {
      throw refuseIntegrity('chain_not_kept', 'this event store keeps no chain: checkpoints and proofs need the embedded store (docs/integrity.md)');
    }
    return this.store.chain;
  }
}
