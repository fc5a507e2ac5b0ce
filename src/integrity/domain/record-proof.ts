import type { KeyObject } from 'node:crypto';
import { chainLink, GENESIS_LINK, linkOf } from '../../shared/domain/event-chain';
import type { ChainedContent, ChainedEvent } from '../../shared/domain/event-chain';
import { checkpointFault, describeCheckpoint, SignedCheckpoint, STREAM_HEADS_CHECKPOINT_FORMAT } from './checkpoint';
import { MerkleLevels, rootFromProof } from './merkle-tree';
import { headLeaf, STREAM_HEAD_FORMAT, SUBJECT_HEAD_FORMAT, recordSubjectsIn } from './heads-tree';

/**
 * One employee's record with what proves it (docs/integrity.md): each event as stored, its links,
 * and its Merkle audit path to a signed checkpoint's root. Whoever holds the public key checks it
 * without the rest of the log; it shows every event listed is in the signed log, unchanged.
 *
 * Against a checkpoint over the streams' heads (EventStoreDB), an event also carries the digests of
 * the events after it in its stream up to the head signed (`following`): folded onto its link they
 * give the head's link, and the path leads from the stream's leaf (its name, head revision and link).
 */
export const RECORD_PROOF_FORMAT = 'ledger-record-proof/1';

/** An event as stored (its content as the chain hashes it), with its links in hex and its audit path. */
export interface ProvenEvent extends ChainedContent {
  position: number;
  /** The event's place among the chain's events (or its stream's among the streams): its leaf in the checkpoint's tree. */
  index: number;
  chainPrev: string;
  chainLink: string;
  /** Stream-heads checkpoints only: the digests of the events after it in its stream, up to the head signed (hex). */
  following?: string[];
  /** Sibling hashes from the leaf up (hex). */
  path: string[];
}

/** A stored event to prove: its leaf's index, and for a stream-heads checkpoint the digests after it in its stream. */
export type EventToProve = ChainedEvent & { index: number; following?: Buffer[] };

export interface RecordProof {
  format: typeof RECORD_PROOF_FORMAT;
  subject: string;
  checkpoint: SignedCheckpoint;
  events: ProvenEvent[];
  /**
   * The subject's leaf among the subjects' heads the checkpoint signs, and its audit path (hex):
   * the events' links, folded in order, give the subject's head, so none of its events up to the
   * checkpoint is left out and none is added.
   */
  subjectPath?: { index: number; path: string[] };
}

export function proveRecord(
  subject: string,
  checkpoint: SignedCheckpoint,
  tree: Pick<MerkleLevels, 'proof'>,
  events: readonly EventToProve[],
  subjectPath?: { index: number; path: Buffer[] },
): RecordProof {
  return {
    format: RECORD_PROOF_FORMAT,
    subject,
    checkpoint,
    ...(subjectPath ? { subjectPath: { index: subjectPath.index, path: subjectPath.path.map((hash) => hash.toString('hex')) } } : {}),
    events: events.map(({ position, index, id, streamName, revision, type, data, metadata, chainPrev, chainLink, following }) => ({
      position,
      index,
      id,
      streamName,
      revision,
      type,
      data,
      metadata,
      chainPrev: (chainPrev ?? Buffer.alloc(0)).toString('hex'),
      chainLink: (chainLink ?? Buffer.alloc(0)).toString('hex'),
      ...(following ? { following: following.map((digest) => digest.toString('hex')) } : {}),
      path: tree.proof(index).map((hash) => hash.toString('hex')),
    })),
  };
}

export type RecordProofVerdict =
  /** `complete`: shown to hold every event of the subject up to the checkpoint (false when the checkpoint predates the subjects' heads). */
  | { verified: true; subject: string; events: number; checkpoint: SignedCheckpoint; complete: boolean }
  | { verified: false; problems: string[] };

/** Checks a record proof with only the public key: the checkpoint's signature, then every event. */
export function verifyRecordProof(proof: unknown, publicKey: KeyObject): RecordProofVerdict {
  const shapeProblem = shapeFault(proof);
  if (shapeProblem) return { verified: false, problems: [shapeProblem] };
  const { checkpoint, events, subject } = proof as RecordProof;
  const fault = checkpointFault(checkpoint, publicKey);
  if (fault) return { verified: false, problems: [`the ${describeCheckpoint(checkpoint)} is not trusted: ${fault}`] };
  const root = Buffer.from(checkpoint.root, 'hex');
  const problems: string[] = [];
  for (const event of events) {
    const name = `the event at position ${event.position} (${event.type}, ${event.streamName} revision ${event.revision})`;
    const prev = Buffer.from(event.chainPrev, 'hex');
    const link = Buffer.from(event.chainLink, 'hex');
    if (!linkOf(prev, event).equals(link)) {
      problems.push(`${name} is altered: its content does not give its link`);
      continue;
    }
    const leaf = checkpoint.format === STREAM_HEADS_CHECKPOINT_FORMAT ? streamLeafOf(event, link) : link;
    const reached = leaf && rootFromProof(leaf, event.index, checkpoint.size, event.path.map((hash) => Buffer.from(hash, 'hex')));
    if (!reached?.equals(root)) problems.push(`${name} is not in the signed log: its path does not lead to the checkpoint's root`);
  }
  const complete = checkpoint.subjects !== undefined;
  if (complete) {
    const fault = completenessFault(proof as RecordProof);
    if (fault) problems.push(fault);
  }
  return problems.length === 0 ? { verified: true, subject, events: events.length, checkpoint, complete } : { verified: false, problems };
}

/** Why the events listed are not exactly the subject's events up to the checkpoint, if they are not. */
function completenessFault({ subject, checkpoint, events, subjectPath }: RecordProof): string | undefined {
  const notAll = `the export does not hold exactly the events of ${subject} up to the checkpoint`;
  if (!subjectPath || !Number.isInteger(subjectPath.index) || !Array.isArray(subjectPath.path)) return `${notAll}: it has no path to the subjects' heads signed`;
  if (events.some((event, i) => i > 0 && event.position <= events[i - 1].position)) return `${notAll}: its events are not in the log's order`;
  const unlisted = events.find((event) => !recordSubjectsIn(event.metadata).includes(subject));
  if (unlisted) return `${notAll}: the event at position ${unlisted.position} is not about ${subject}`;
  const head = events.reduce((link, event) => chainLink(link, Buffer.from(event.chainLink, 'hex')), GENESIS_LINK);
  const leaf = headLeaf(SUBJECT_HEAD_FORMAT, subject, { revision: events.length - 1, link: head });
  const path = subjectPath.path.map((hash) => Buffer.from(String(hash), 'hex'));
  const reached = rootFromProof(leaf, subjectPath.index, checkpoint.subjects!.size, path);
  return reached?.toString('hex') === checkpoint.subjects!.root ? undefined : `${notAll}: an event of it is left out or added (its ${events.length} events do not fold to the head signed)`;
}

/** The leaf of the event's stream at the head signed: its link, with the digests after it folded on. */
function streamLeafOf(event: ProvenEvent, link: Buffer): Buffer | undefined {
  if (!Array.isArray(event.following) || event.following.some((digest) => typeof digest !== 'string')) return undefined;
  const head = event.following.reduce((previous, digest) => chainLink(previous, Buffer.from(digest, 'hex')), link);
  return headLeaf(STREAM_HEAD_FORMAT, event.streamName, { revision: event.revision + event.following.length, link: head });
}

function shapeFault(proof: unknown): string | undefined {
  if (typeof proof !== 'object' || proof === null) return 'the export is not a JSON object';
  const { format, checkpoint, events } = proof as Partial<RecordProof>;
  if (format !== RECORD_PROOF_FORMAT) return `format: expected "${RECORD_PROOF_FORMAT}"`;
  if (typeof checkpoint !== 'object' || checkpoint === null) return 'checkpoint: missing';
  if (!Array.isArray(events)) return 'events: missing';
  const strings = ['id', 'streamName', 'type', 'data', 'metadata', 'chainPrev', 'chainLink'] as const;
  for (const [i, event] of events.entries()) {
    const bad = strings.find((key) => typeof event?.[key] !== 'string') ?? (['position', 'index', 'revision'] as const).find((key) => !Number.isInteger(event?.[key]));
    if (bad) return `events[${i}].${bad}: missing or of the wrong type`;
    if (!Array.isArray(event.path) || event.path.some((hash: unknown) => typeof hash !== 'string')) return `events[${i}].path: not a list of hashes`;
  }
  return undefined;
}
