import { hash } from 'node:crypto';
import { chainLink, GENESIS_LINK } from '../../shared/domain/event-chain';
import { employeeOfSubject } from '../../shared/domain/subjects';
import { UpdatableMerkleTree } from './updatable-merkle-tree';

/**
 * The heads of named chains, and the RFC 6962 tree over one leaf per chain, the chains in the order
 * their first event appears in the log (docs/integrity.md). Two kinds:
 *
 * - a stream's head (EventStoreDB keeps one chain per stream): its newest event's revision and
 *   link. A checkpoint signs the root over every stream's head; each head link commits its whole
 *   stream, so a stream deleted, cut at its end or rewritten with fresh links changes the root.
 * - an employee's head (both stores): the events whose metadata lists `employee:<id>` as a subject
 *   (the employee's record), folded in log order, `link = SHA-256(previous ‖ event's link)`, and the newest one's
 *   index as its `revision`. A record proof shows its events are all of the subject's up to the
 *   checkpoint: nothing left out.
 *
 * In first-appearance order a new chain adds a leaf at the end and an event replaces its chain's
 * leaf, so a checkpoint rehashes only what changed since the last.
 */
export const STREAM_HEAD_FORMAT = 'ledger-stream-head/1';
export const SUBJECT_HEAD_FORMAT = 'ledger-subject-head/1';
export type HeadFormat = typeof STREAM_HEAD_FORMAT | typeof SUBJECT_HEAD_FORMAT;

export interface Head {
  /** The newest event's revision in its stream, or index among its subject's events. */
  revision: number;
  /** Its link (a subject's: the fold of its events' links); null when it carries none (an altered event, reported as such). */
  link: Buffer | null;
}

/** A chain's leaf: SHA-256 over the JSON of [format, name, revision, link in hex ('' for none)]. */
export function headLeaf(format: HeadFormat, name: string, head: Head): Buffer {
  return hash('sha256', JSON.stringify([format, name, head.revision, head.link?.toString('hex') ?? '']), 'buffer');
}

/** The heads as saved beside a checkpoint, in the tree's order (unsigned: trusted only when their root is the signed one). */
export type HeadsState = [name: string, revision: number, link: string][];

/** The heads saved beside the checkpoint at `position`: they name what differs when its roots do not match, and let the next start resume. */
export interface SavedHeads {
  position: number;
  streams?: HeadsState;
  subjects?: HeadsState;
}

export class HeadsTree {
  private readonly heads = new Map<string, Head & { index: number }>();
  private readonly names: string[] = [];
  private readonly tree = new UpdatableMerkleTree();
  private changed = new Set<string>();

  constructor(readonly format: HeadFormat) {}

  static restore(format: HeadFormat, state: HeadsState): HeadsTree | undefined {
    const tree = new HeadsTree(format);
    for (const entry of Array.isArray(state) ? state : []) {
      const [name, revision, link] = (Array.isArray(entry) ? entry : []) as unknown[];
      if (typeof name !== 'string' || typeof revision !== 'number' || !Number.isInteger(revision) || typeof link !== 'string' || !/^([0-9a-f]{64})?$/.test(link)) return undefined;
      if (tree.get(name)) return undefined;
      tree.set(name, { revision, link: link === '' ? null : Buffer.from(link, 'hex') });
    }
    return tree;
  }

  get size(): number {
    return this.names.length;
  }

  get(name: string): Head | undefined {
    const head = this.heads.get(name);
    return head && { revision: head.revision, link: head.link };
  }

  set(name: string, head: Head): void {
    const entry = this.heads.get(name);
    if (entry) {
      entry.revision = head.revision;
      entry.link = head.link;
    } else {
      this.heads.set(name, { revision: head.revision, link: head.link, index: this.names.push(name) - 1 });
    }
    this.changed.add(name);
  }

  /** A chain's leaf index: its place in the tree's order. */
  indexOf(name: string): number | undefined {
    return this.heads.get(name)?.index;
  }

  /** The chains in the tree's order: a chain's leaf index is its place here. */
  chainNames(): readonly string[] {
    return this.names;
  }

  /** The tree over the leaves, for the root or a stream's audit path. */
  levels(): Pick<UpdatableMerkleTree, 'root' | 'proof' | 'size'> {
    for (const name of this.changed) {
      const head = this.heads.get(name)!;
      this.tree.setLeaf(head.index, headLeaf(this.format, name, head));
    }
    this.changed = new Set();
    return this.tree;
  }

  root(): Buffer {
    return this.levels().root();
  }

  state(): HeadsState {
    return this.names.map((name) => {
      const head = this.heads.get(name)!;
      return [name, head.revision, head.link?.toString('hex') ?? ''];
    });
  }
}

/** Folds an event into the heads of the employees its metadata lists as subjects (each once). */
export function foldIntoSubjects(subjects: HeadsTree, metadata: string, link: Buffer | null): void {
  for (const subject of recordSubjectsIn(metadata)) {
    const head = subjects.get(subject);
    subjects.set(subject, { revision: (head?.revision ?? -1) + 1, link: chainLink(head?.link ?? GENESIS_LINK, link ?? GENESIS_LINK) });
  }
}

/**
 * The employees' record subjects (`employee:<id>`) an event's metadata (JSON text, as stored)
 * lists; none when it lists none or is not JSON. Only those get heads: a record proof is an
 * employee's, and the other subjects (one per deduction, ticket, complaint) would make the heads
 * grow with the log.
 */
export function recordSubjectsIn(metadata: string): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(metadata);
  } catch {
    return [];
  }
  const subjects = (parsed as { subjects?: unknown } | null)?.subjects;
  return Array.isArray(subjects) ? [...new Set(subjects.filter((subject): subject is string => typeof subject === 'string' && employeeOfSubject(subject) !== undefined))] : [];
}
