import { hash } from 'node:crypto';
import { MerkleLevels } from './merkle-tree';

/**
 * The heads of every stream, for a store that keeps one chain per stream (EventStoreDB,
 * docs/integrity.md): a checkpoint signs the RFC 6962 root over one leaf per stream, in the order
 * of the streams' names as UTF-8 bytes. Each stream's head link commits its whole chain, so the
 * root pins every event up to the checkpoint; a stream deleted, cut at its end or rewritten with
 * fresh links changes it.
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

/** The heads as saved beside a checkpoint (unsigned: trusted only when their root is the signed one). */
export type StreamHeadsState = [streamName: string, revision: number, link: string][];

export class StreamHeadsTree {
  private readonly heads = new Map<string, StreamHead>();
  private order: string[] | undefined;

  static restore(state: StreamHeadsState): StreamHeadsTree | undefined {
    const tree = new StreamHeadsTree();
    for (const entry of Array.isArray(state) ? state : []) {
      const [streamName, revision, link] = (Array.isArray(entry) ? entry : []) as unknown[];
      if (typeof streamName !== 'string' || typeof revision !== 'number' || !Number.isInteger(revision) || typeof link !== 'string' || !/^([0-9a-f]{64})?$/.test(link)) return undefined;
      tree.set(streamName, { revision, link: link === '' ? null : Buffer.from(link, 'hex') });
    }
    return tree;
  }

  get size(): number {
    return this.heads.size;
  }

  get(streamName: string): StreamHead | undefined {
    return this.heads.get(streamName);
  }

  set(streamName: string, head: StreamHead): void {
    if (!this.heads.has(streamName)) this.order = undefined;
    this.heads.set(streamName, head);
  }

  streamNames(): readonly string[] {
    this.order ??= [...this.heads.keys()].sort((a, b) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8')));
    return this.order;
  }

  /** The tree over the leaves in stream-name order, for the root or a stream's audit path. */
  levels(): MerkleLevels {
    return MerkleLevels.of(this.streamNames().map((name) => streamHeadLeaf(name, this.heads.get(name)!)));
  }

  root(): Buffer {
    return this.levels().root();
  }

  state(): StreamHeadsState {
    return this.streamNames().map((name) => {
      const head = this.heads.get(name)!;
      return [name, head.revision, head.link?.toString('hex') ?? ''];
    });
  }
}
