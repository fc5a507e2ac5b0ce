import { hash } from 'node:crypto';

/**
 * The Merkle tree of RFC 6962 (Certificate Transparency, section 2.1) over the chain's links in
 * their order: a signed checkpoint names the root of the first `size` links, and one event's link
 * is shown to be the `index`-th of them with ~log2(size) hashes, without the rest of the log.
 * Written here rather than taken from a package: the construction is a page of the RFC, and the
 * packages found build the whole tree of objects in memory (a million links would be ~200 MB).
 */
const LEAF = Buffer.from([0]);
const NODE = Buffer.from([1]);
const HASH_BYTES = 32;

export const leafHash = (link: Buffer): Buffer => hash('sha256', Buffer.concat([LEAF, link]), 'buffer');
export const nodeHash = (left: Buffer, right: Buffer): Buffer => hash('sha256', Buffer.concat([NODE, left, right]), 'buffer');
export const EMPTY_ROOT = hash('sha256', Buffer.alloc(0), 'buffer');

/**
 * The root of a growing tree in O(log n) memory: the roots of its perfect subtrees, largest first
 * (the binary digits of its size). Leaves are added in order.
 */
export interface FrontierState {
  size: number;
  /** The perfect subtrees' roots, largest first: hex hash and height. */
  peaks: { hash: string; height: number }[];
}

export class MerkleFrontier {
  private readonly peaks: { hash: Buffer; height: number }[] = [];
  private count = 0;

  /** A frontier saved by `state()`; undefined when the state does not describe one (its peaks must be the binary digits of its size). */
  static restore(state: FrontierState): MerkleFrontier | undefined {
    const frontier = new MerkleFrontier();
    let size = 0;
    for (const { hash, height } of state.peaks ?? []) {
      if (!Number.isInteger(height) || height < 0 || height > 52 || !/^[0-9a-f]{64}$/.test(hash)) return undefined;
      frontier.peaks.push({ hash: Buffer.from(hash, 'hex'), height });
      size += 2 ** height;
    }
    const heights = frontier.peaks.map((peak) => peak.height);
    if (size !== state.size || heights.some((height, i) => i > 0 && height >= heights[i - 1])) return undefined;
    frontier.count = size;
    return frontier;
  }

  state(): FrontierState {
    return { size: this.count, peaks: this.peaks.map(({ hash, height }) => ({ hash: hash.toString('hex'), height })) };
  }

  get size(): number {
    return this.count;
  }

  add(link: Buffer): void {
    let hash = leafHash(link);
    let height = 0;
    while (this.peaks.length > 0 && this.peaks[this.peaks.length - 1].height === height) {
      hash = nodeHash(this.peaks.pop()!.hash, hash);
      height += 1;
    }
    this.peaks.push({ hash, height });
    this.count += 1;
  }

  root(): Buffer {
    if (this.peaks.length === 0) return EMPTY_ROOT;
    let root = this.peaks[this.peaks.length - 1].hash;
    for (let i = this.peaks.length - 2; i >= 0; i--) root = nodeHash(this.peaks[i].hash, root);
    return root;
  }
}

/**
 * Every level of the tree (each level one buffer of 32-byte hashes; a level's odd last node is
 * carried up unchanged, which gives RFC 6962's tree), to cut inclusion proofs from.
 */
export class MerkleLevels {
  private constructor(private readonly levels: Buffer[]) {}

  static of(links: readonly Buffer[]): MerkleLevels {
    const leaves = Buffer.alloc(links.length * HASH_BYTES);
    links.forEach((link, index) => leafHash(link).copy(leaves, index * HASH_BYTES));
    const levels: Buffer[] = [leaves];
    while (levels[levels.length - 1].length > HASH_BYTES) levels.push(parentLevel(levels[levels.length - 1], 0, Infinity));
    return new MerkleLevels(levels);
  }

  /**
   * The tree over links packed 32 bytes each, built a slice at a time with a turn of the event loop
   * between slices, so a million links (~3 s of hashing) never hold the service's requests.
   */
  static async build(packedLinks: Buffer, nodesPerTurn = 20_000): Promise<MerkleLevels> {
    const count = packedLinks.length / HASH_BYTES;
    const leaves = Buffer.alloc(packedLinks.length);
    for (let i = 0; i < count; i++) {
      leafHash(at(packedLinks, i)).copy(leaves, i * HASH_BYTES);
      if (i % nodesPerTurn === nodesPerTurn - 1) await nextTurn();
    }
    const levels: Buffer[] = [leaves];
    while (levels[levels.length - 1].length > HASH_BYTES) {
      const level = levels[levels.length - 1];
      const next = Buffer.alloc(Math.ceil(level.length / HASH_BYTES / 2) * HASH_BYTES);
      for (let from = 0; from < next.length / HASH_BYTES; from += nodesPerTurn) {
        parentLevel(level, from, from + nodesPerTurn, next);
        await nextTurn();
      }
      levels.push(next);
    }
    return new MerkleLevels(levels);
  }

  get size(): number {
    return this.levels[0].length / HASH_BYTES;
  }

  root(): Buffer {
    return this.size === 0 ? EMPTY_ROOT : Buffer.from(at(this.levels[this.levels.length - 1], 0));
  }

  /** The sibling hashes from the leaf up (RFC 6962's audit path). */
  proof(index: number): Buffer[] {
    if (!Number.isInteger(index) || index < 0 || index >= this.size) throw new RangeError(`leaf ${index} is not in a tree of ${this.size}`);
    const path: Buffer[] = [];
    let i = index;
    for (const level of this.levels.slice(0, -1)) {
      const sibling = i ^ 1;
      if (sibling < level.length / HASH_BYTES) path.push(Buffer.from(at(level, sibling)));
      i >>= 1;
    }
    return path;
  }
}

/** The root a proof leads to from `link` as the `index`-th of `size` leaves; undefined if the proof does not fit. */
export function rootFromProof(link: Buffer, index: number, size: number, proof: readonly Buffer[]): Buffer | undefined {
  if (!Number.isInteger(index) || !Number.isInteger(size) || index < 0 || index >= size) return undefined;
  let hash = leafHash(link);
  let i = index;
  let width = size;
  let used = 0;
  while (width > 1) {
    if (i % 2 === 1) {
      if (used >= proof.length) return undefined;
      hash = nodeHash(proof[used++], hash);
    } else if (i + 1 < width) {
      if (used >= proof.length) return undefined;
      hash = nodeHash(hash, proof[used++]);
    }
    i >>= 1;
    width = Math.ceil(width / 2);
  }
  return used === proof.length ? hash : undefined;
}

/** Parents `from` (inclusive) to `to` (exclusive) of a level; a level's odd last node is carried up unchanged. */
function parentLevel(level: Buffer, from: number, to: number, into?: Buffer): Buffer {
  const size = level.length / HASH_BYTES;
  const parents = Math.ceil(size / 2);
  const next = into ?? Buffer.alloc(parents * HASH_BYTES);
  for (let parent = from; parent < Math.min(to, parents); parent++) {
    const left = parent * 2;
    const hash = left + 1 < size ? nodeHash(at(level, left), at(level, left + 1)) : at(level, left);
    hash.copy(next, parent * HASH_BYTES);
  }
  return next;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

function at(level: Buffer, index: number): Buffer {
  return level.subarray(index * HASH_BYTES, (index + 1) * HASH_BYTES);
}
