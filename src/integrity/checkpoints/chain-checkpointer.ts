import type { Clock } from '../../shared/clock';
import type { SignedCheckpoint } from '../domain/checkpoint';
import type { HeadsTree } from '../domain/heads-tree';
import type { SigningKey } from '../signing-key/signing-key';
import type { CheckpointLog } from './checkpoint-log';
import type { HeadsFile } from './heads-file';

/** Where a checkpointer signs and keeps what it signed: the key, the checkpoint log, the saved heads, the clock. */
export interface Signing {
  key: SigningKey;
  log: CheckpointLog;
  headsFile: HeadsFile;
  clock: Clock;
}

/** A checkpoint just signed and the heads it was signed over (the streams' on EventStoreDB). */
export interface SignedHeads {
  checkpoint: SignedCheckpoint;
  subjects: HeadsTree;
  streams?: HeadsTree;
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

  constructor(protected readonly signing: Signing) {}

  sign(): Promise<SignedCheckpoint> {
    return this.signThen(({ checkpoint }) => checkpoint);
  }

  /**
   * Signs, then hands the checkpoint and the heads it signed to `use` before the next signature
   * moves them (a record proof cuts its paths there): the heads are the checkpointer's own, not
   * copies, so `use` must not keep them.
   */
  signThen<T>(use: (signed: SignedHeads) => T): Promise<T> {
    const done = this.turn.then(async () => use(await this.signNow()));
    this.turn = done.catch(() => undefined);
    return done;
  }

  protected abstract signNow(): Promise<SignedHeads>;
}
