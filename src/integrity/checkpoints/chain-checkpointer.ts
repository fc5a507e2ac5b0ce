import type { SignedCheckpoint } from '../domain/checkpoint';
import type { HeadsTree } from '../domain/heads-tree';

/** A checkpoint and the subjects' heads it signed (a record proof cuts its subject's path from them). */
export interface SignedHeads {
  checkpoint: SignedCheckpoint;
  subjects: HeadsTree;
}

/**
 * Signs the chain's head (docs/integrity.md): on demand (POST /integrity/checkpoints), at each
 * period close (the seal records it) and for each record proof. The embedded store's log is one
 * chain (LogCheckpointer signs its Merkle root); EventStoreDB keeps a chain per stream
 * (StreamHeadsCheckpointer signs the root over the streams' heads). The module picks the one the
 * store keeps. Signatures go one at a time: each continues from the state the one before left.
 */
export abstract class ChainCheckpointer {
  private turn: Promise<unknown> = Promise.resolve();

  abstract sign(): Promise<SignedCheckpoint>;

  /** Signs as `sign` does, and answers the subjects' heads signed. */
  abstract signHeads(): Promise<SignedHeads>;

  protected inTurn<T>(work: () => Promise<T>): Promise<T> {
    const done = this.turn.then(work);
    this.turn = done.catch(() => undefined);
    return done;
  }
}
