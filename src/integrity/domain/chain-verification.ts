import { GENESIS_LINK, linkOf } from '../../shared/domain/event-chain';
import type { ChainedEvent } from '../../shared/domain/event-chain';
import { CHECKPOINT_FORMAT, checkpointFault, describeCheckpoint, STREAM_HEADS_CHECKPOINT_FORMAT } from './checkpoint';
import type { ChainCheckpoint, CheckpointFormat, SignedCheckpoint } from './checkpoint';
import { foldIntoSubjects, HeadsTree, SUBJECT_HEAD_FORMAT } from './heads-tree';
import { MerkleFrontier } from './merkle-tree';
import type { KeyObject } from 'node:crypto';

/** What the verifier reads: the stored events with their links, in order (the store's ChainReader). */
export interface ChainSource {
  readChain(afterPosition: number, maxCount: number): Promise<ChainedEvent[]>;
  positionOfLink(link: Buffer): Promise<number | undefined>;
}

export type FindingKind = 'altered' | 'missing' | 'added' | 'out-of-order' | 'truncated' | 'rewritten' | 'untrusted-checkpoint';

export interface Finding {
  kind: FindingKind;
  /** The stored event the finding is about, when there is one. */
  position?: number;
  message: string;
}

export interface ChainReport {
  /** No finding: every stored event is where the chain puts it, and every checkpoint matches. */
  intact: boolean;
  events: number;
  headPosition: number;
  /** The newest checkpoint the log matches, when no finding precedes it. */
  verifiedUpTo?: { position: number; size: number; checkpoint: SignedCheckpoint };
  /** Events after the newest matching checkpoint: chained, not yet covered by a signature. */
  unsignedEvents: number;
  findings: Finding[];
}

interface Break {
  position: number;
  /** Position of the event before it in the store. */
  after: number;
  prev: Buffer;
  contentHolds: boolean;
}

const PAGE = 5_000;

/**
 * Walks the stored log in order and says what is altered, missing, added or out of order
 * (docs/integrity.md): an event whose content no longer gives its link is altered; an event whose
 * previous link is not the link of the event stored before it marks a break, explained by where
 * (whether) that previous link is stored. Checkpoints, once their signature holds, pin the Merkle
 * root of the first `size` links: a log rewritten with fresh links, or cut short, fails them.
 */
export async function verifyChain(source: ChainSource, checkpoints: readonly SignedCheckpoint[], publicKey: KeyObject): Promise<ChainReport> {
  const findings: Finding[] = [];
  const trusted = trustedCheckpoints(checkpoints, CHECKPOINT_FORMAT, publicKey, findings).sort((a, b) => a.size - b.size);
  const frontier = new MerkleFrontier();
  const subjects = new HeadsTree(SUBJECT_HEAD_FORMAT);
  const breaks: Break[] = [];
  const unlinked = new Set<number>();
  let previous: { position: number; link: Buffer | null } | undefined;
  let verifiedUpTo: ChainReport['verifiedUpTo'];
  let next = 0;
  for (let page = await source.readChain(0, PAGE); page.length > 0; page = await source.readChain(page[page.length - 1].position, PAGE)) {
    for (const row of page) {
      const expectedPrev = previous ? previous.link : GENESIS_LINK;
      if (row.chainPrev === null || row.chainLink === null) {
        unlinked.add(row.position);
        findings.push({ kind: 'altered', position: row.position, message: `${describe(row)} is altered: its links were removed` });
        frontier.add(GENESIS_LINK);
        foldIntoSubjects(subjects, row.metadata, null);
        previous = { position: row.position, link: null };
        continue;
      }
      const contentHolds = linkOf(row.chainPrev, row).equals(row.chainLink);
      const linkHolds = expectedPrev !== null && row.chainPrev.equals(expectedPrev);
      if (!linkHolds && !unlinked.has(previous?.position ?? -1)) breaks.push({ position: row.position, after: previous?.position ?? 0, prev: row.chainPrev, contentHolds });
      else if (!contentHolds) findings.push({ kind: 'altered', position: row.position, message: `${describe(row)} is altered: its content no longer gives its link` });
      frontier.add(row.chainLink);
      foldIntoSubjects(subjects, row.metadata, row.chainLink);
      for (; next < trusted.length && trusted[next].size === frontier.size; next++) {
        const checkpoint = trusted[next];
        if (matches(checkpoint, row, frontier)) {
          const subjectsFault = subjectsMismatch(checkpoint, subjects, row.position);
          if (subjectsFault) findings.push(subjectsFault);
          else if (findings.length === 0 && breaks.length === 0) verifiedUpTo = { position: row.position, size: frontier.size, checkpoint };
        } else {
          findings.push({
            kind: 'rewritten',
            position: row.position,
            message: `the first ${checkpoint.size} events do not match the ${describeCheckpoint(checkpoint)}: the log up to position ${row.position} was changed`,
          });
        }
      }
      previous = { position: row.position, link: row.chainLink };
    }
    await nextTurn(); // a million events take seconds: requests are served between pages
  }
  const headPosition = previous?.position ?? 0;
  for (const checkpoint of trusted.slice(next)) {
    findings.push(
      headPosition < checkpoint.position
        ? {
            kind: 'truncated',
            message: `the log ends at position ${headPosition}, the ${describeCheckpoint(checkpoint)} reaches ${checkpoint.position}: the events after ${headPosition} are missing`,
          }
        : {
            kind: 'missing',
            message: `the store holds ${frontier.size} events, the ${describeCheckpoint(checkpoint)} counts ${checkpoint.size}: ${checkpoint.size - frontier.size} of them are no longer stored`,
          },
    );
  }
  findings.push(...(await explainBreaks(source, breaks)));
  findings.sort((a, b) => (a.position ?? Number.MAX_SAFE_INTEGER) - (b.position ?? Number.MAX_SAFE_INTEGER));
  return {
    intact: findings.length === 0,
    events: frontier.size,
    headPosition,
    verifiedUpTo,
    unsignedEvents: frontier.size - (verifiedUpTo?.size ?? 0),
    findings,
  };
}

/** The checkpoints of one format whose signature holds with the key; the others are reported untrusted (those of the other format pin another kind of store, and are left out). */
export function trustedCheckpoints(checkpoints: readonly SignedCheckpoint[], format: CheckpointFormat, publicKey: KeyObject, findings: Finding[]): SignedCheckpoint[] {
  const trusted: SignedCheckpoint[] = [];
  for (const checkpoint of checkpoints) {
    if (checkpoint.format === otherFormat(format)) continue;
    const fault = checkpointFault(checkpoint, publicKey);
    if (fault) findings.push({ kind: 'untrusted-checkpoint', message: `the ${describeCheckpoint(checkpoint)} is not trusted: ${fault}` });
    else trusted.push(checkpoint);
  }
  return trusted;
}

const otherFormat = (format: CheckpointFormat): CheckpointFormat => (format === CHECKPOINT_FORMAT ? STREAM_HEADS_CHECKPOINT_FORMAT : CHECKPOINT_FORMAT);

/** A finding when the checkpoint signs subjects' heads other than the log's up to its position (checkpoints before them sign none). */
export function subjectsMismatch(checkpoint: ChainCheckpoint, subjects: HeadsTree, position: number): Finding | undefined {
  if (!checkpoint.subjects || (subjects.size === checkpoint.subjects.size && subjects.root().toString('hex') === checkpoint.subjects.root)) return undefined;
  return {
    kind: 'rewritten',
    position,
    message: `the subjects' heads up to position ${position} do not match the ${describeCheckpoint(checkpoint)}: the subjects the events list, or their order, were changed`,
  };
}

function matches(checkpoint: ChainCheckpoint, row: ChainedEvent, frontier: MerkleFrontier): boolean {
  return checkpoint.position === row.position && row.chainLink !== null && row.chainLink.toString('hex') === checkpoint.link && frontier.root().toString('hex') === checkpoint.root;
}

async function explainBreaks(source: ChainSource, breaks: Break[]): Promise<Finding[]> {
  const findings: Finding[] = [];
  const located = await Promise.all(breaks.map(async (item) => ({ ...item, prevAt: await source.positionOfLink(item.prev) })));
  const addedAlone = new Set<number>();
  for (const item of located) {
    if (item.prevAt === undefined) {
      if (!item.contentHolds) addedAlone.add(item.position);
      findings.push(
        item.contentHolds
          ? { kind: 'missing', position: item.position, message: `events are missing between positions ${item.after} and ${item.position}: the event at ${item.position} was chained after one that is no longer stored` }
          : { kind: 'added', position: item.position, message: `the event at position ${item.position} was added: its links match no stored event` },
      );
    } else if (item.prevAt > item.position) {
      findings.push({ kind: 'out-of-order', position: item.position, message: `the event at position ${item.position} is out of order: it was chained after the event now at position ${item.prevAt}` });
    }
  }
  for (const item of located) {
    if (item.prevAt === undefined || item.prevAt > item.position) continue;
    // the events stored between the one it was chained after and itself do not belong there
    const inBetween = (position: number) => position > item.prevAt! && position < item.position;
    if (breaks.some((other) => inBetween(other.position) && !addedAlone.has(other.position))) {
      findings.push({
        kind: 'out-of-order',
        position: item.position,
        message: `the event at position ${item.position} is out of order: it was chained right after position ${item.prevAt}, and events from elsewhere sit between them`,
      });
    } else if ([...addedAlone].some(inBetween)) {
      continue;
    } else {
      const first = item.prevAt + 1;
      const last = item.position - 1;
      findings.push({
        kind: 'added',
        position: first,
        message: `${first === last ? `the event at position ${first} was` : `the events at positions ${first} to ${last} were`} added: the event at ${item.position} was chained to the one at ${item.prevAt}`,
      });
    }
  }
  return findings;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

function describe(row: ChainedEvent): string {
  return `the event at position ${row.position} (${row.type}, ${row.streamName} revision ${row.revision})`;
}
