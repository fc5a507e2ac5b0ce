import type { SignedCheckpoint } from '../domain/checkpoint';

/**
 * Signs the chain's head (docs/integrity.md): on demand (POST /integrity/checkpoints), at each
 * period close (the seal records it) and for each record proof. The embedded store's log is one
 * chain (LogCheckpointer signs its Merkle root); EventStoreDB keeps a chain per stream
 * (StreamHeadsCheckpointer signs the root over the streams' heads). The module picks the one the
 * store keeps.
 */
export abstract class ChainCheckpointer {
  abstract sign(): Promise<SignedCheckpoint>;
}
