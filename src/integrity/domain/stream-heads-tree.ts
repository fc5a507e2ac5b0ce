import { hash } from 'node:crypto';
import { UpdatableMerkleTree } from './updatable-merkle-tree';

/**
 * The heads of every stream, for a store that keeps one chain per stream (EventStoreDB,
 * docs/integrity.md): a checkpoint signs the RFC 6962 root over one leaf per stream, the streams in
 * the order their first event appears in the log (`$all`). Each stream's head link commits its
 * whole chain, so the root pins every event up to the checkpoint; a stream deleted, cut at its end
 * or rewritten with fresh links changes it. In that order a new stream adds a leaf at the end and
 * an event replaces its stream's leaf, so a checkpoint rehashes only what changed since the last.
 */
export const STREAM_HEAD_FORMAT = 'ledger-stream-head/1';

export interface StreamHead {
  revision: number;
  /** The newest event's link; null when it carries none (an altered event, reported as such). */
  link: Buffer | null;
}

/** A stream's leaf: SHA-256 over the JSON of [format, stream, revision, link in hex ('' for none)]. */
export function streamHeadLeaf(streamName: string, head: StreamHead): Buffer {
  return hash('sha256', JSON.stringify([STREAM_HEAD_FORMAT, streamName, head.revision, head.link?.toString('hex') ?? '']), 'buffer');
}

/** The heads as saved beside a checkpoint, in the tree's order (unsigned: trusted only when their root is the signed one). */
export type StreamHeadsState = [streamName: string, revision: number, link: string][];

export class StreamHeadsTree {
  private readonly heads = new Map<string, StreamHead & { index: number }>();
  private readonly names: string[] = [];
  private readonly tree = new UpdatableMerkleTree();
  private changed = new Set<string>();

  static restore(state: StreamHeadsState): StreamHeadsTree | undefined {
    const tree = new StreamHeadsTree();
    for (const entry of Array.isArray(state) ? state : []) {
      const [streamName, revision, link] = (Array.isArray(entry) ? entry : []) as unknown[];
      if (typeof streamName !== 'string' || typeof revision !== 'number' || !Number.isInteger(revision) || typeof link !== 'string' || !/^([0-9a-f]{64})?$/.test(link)) return undefined;
      if (tree.get(streamName)) return undefined;
      tree.set(streamName, { revision, link: link === '' ? null : Buffer.from(link, 'hex') });
    }
    return tree;
  }

  get size(): number {
    return this.names.length;
  }

  get(streamName: string): StreamHead | undefined {
    const head = this.heads.get(streamName);
    return head && { revision: head.revision, link: head.link };
  }

  set(streamName: string, head: StreamHead): void {
    const entry = this.heads.get(streamName);
    if (entry) {
      entry.revision = head.revision;
      entry.link = head.link;
    } else {
      this.heads.set(streamName, { revision: head.revision, link: head.link, index: this.names.push(streamName) - 1 });
    }
    this.changed.add(streamName);
  }

  /** The streams in the tree's order: a stream's leaf index is its place here. */
  streamNames(): readonly string[] {
    return this.names;
  }

  /** The tree over the leaves, for the root or a stream's audit path. */
  levels(): Pick<UpdatableMerkleTree, 'root' | 'proof' | 'size'> {
    for (const name of this.changed) {
      const head = this.heads.get(name)!;
      this.tree.setLeaf(head.index, streamHeadLeaf(name, head));
    }
    this.changed = new Set();
    return this.tree;
  }

  root(): Buffer {
    return this.levels().root();
  }

  state(): StreamHeadsState {
    return this.names.map((name) => {
      const head = this.heads.get(name)!;
      return [name, head.revision, head.link?.toString('hex') ?? ''];
    });
  }
}
