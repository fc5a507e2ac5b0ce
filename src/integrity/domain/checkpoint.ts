import { createHash, KeyObject, sign, verify } from 'node:crypto';

/**
 * A signed checkpoint: the chain's head (the `size`-th event, at `position`, its link) and the
 * Merkle root of the first `size` links, signed with the service's Ed25519 key, kept outside the
 * stores. Whoever holds the public key can check a copy of the log, or one employee's exported
 * record, against it; the database's owner cannot rewrite the log and sign again.
 */
export const CHECKPOINT_FORMAT = 'ledger-checkpoint/1';
/**
 * A checkpoint over the heads of a store chained per stream (EventStoreDB): `size` counts the
 * streams, `root` is their heads' tree (heads-tree.ts), `position` and `link` are the newest
 * event's. Signed the same way, with its own format so neither kind passes for the other.
 */
export const STREAM_HEADS_CHECKPOINT_FORMAT = 'ledger-stream-heads/1';

export type CheckpointFormat = typeof CHECKPOINT_FORMAT | typeof STREAM_HEADS_CHECKPOINT_FORMAT;

export interface ChainCheckpoint {
  format: CheckpointFormat;
  /** How many events the chain held: the Merkle tree's size (streams, for a stream-heads checkpoint). */
  size: number;
  /** Global position of the last of them. */
  position: number;
  /** Its link (hex). */
  link: string;
  /** Merkle root (RFC 6962) of the first `size` links, or of the streams' heads (hex). */
  root: string;
  signedAt: string;
  /**
   * The tree of the subjects' heads (heads-tree.ts): every subject's events folded in log order, so
   * a record proof shows it leaves none of the employee's events out. Absent from checkpoints
   * signed before it existed; signed after `keyId` when present.
   */
  subjects?: { size: number; root: string };
  /** The signing key's id: the first 16 bytes of SHA-256 over its public half (SPKI DER), hex. */
  keyId: string;
}

export interface SignedCheckpoint extends ChainCheckpoint {
  /** Ed25519 over `checkpointBytes`, base64. */
  signature: string;
}

/** What is signed: JSON of an array, so any language can rebuild it. */
export function checkpointBytes(checkpoint: ChainCheckpoint): Buffer {
  const { format, size, position, link, root, signedAt, keyId, subjects } = checkpoint;
  const signed = [format, size, position, link, root, signedAt, keyId, ...(subjects ? [subjects.size, subjects.root] : [])];
  return Buffer.from(JSON.stringify(signed), 'utf8');
}

export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 32);
}

export function signCheckpoint(
  checkpoint: Omit<ChainCheckpoint, 'format' | 'keyId'>,
  privateKey: KeyObject,
  publicKey: KeyObject,
  format: CheckpointFormat = CHECKPOINT_FORMAT,
): SignedCheckpoint {
  const { subjects, ...head } = checkpoint;
  const unsigned: ChainCheckpoint = { format, ...head, keyId: keyIdOf(publicKey), ...(subjects ? { subjects } : {}) };
  return { ...unsigned, signature: sign(null, checkpointBytes(unsigned), privateKey).toString('base64') };
}

/** Why a checkpoint cannot be trusted with this key, or undefined when its signature holds. */
export function checkpointFault(checkpoint: SignedCheckpoint, publicKey: KeyObject): string | undefined {
  if (checkpoint.format !== CHECKPOINT_FORMAT && checkpoint.format !== STREAM_HEADS_CHECKPOINT_FORMAT) {
    return `format ${JSON.stringify(checkpoint.format)} is neither ${CHECKPOINT_FORMAT} nor ${STREAM_HEADS_CHECKPOINT_FORMAT}`;
  }
  if (checkpoint.keyId !== keyIdOf(publicKey)) return `it was signed with key ${checkpoint.keyId}, not with the key given (${keyIdOf(publicKey)})`;
  const signature = Buffer.from(String(checkpoint.signature), 'base64');
  let holds = false;
  try {
    holds = verify(null, checkpointBytes(checkpoint), publicKey, signature);
  } catch {
    holds = false;
  }
  return holds ? undefined : 'its signature does not verify with the key given';
}

export function describeCheckpoint(checkpoint: ChainCheckpoint): string {
  const counted = checkpoint.format === STREAM_HEADS_CHECKPOINT_FORMAT ? 'streams' : 'events';
  return `checkpoint of ${checkpoint.signedAt} (${checkpoint.size} ${counted}, up to position ${checkpoint.position})`;
}
