import { EMPTY_ROOT, leafHash, nodeHash } from './merkle-tree';

const HASH_BYTES = 32;

/**
 * RFC 6962's tree (the same as MerkleLevels: a level's odd last node is carried up) whose leaves
 * can be replaced as well as added, for the streams' heads: each event read changes its stream's
 * leaf. Changes are gathered and the tree is brought up to date when the root or a path is asked
 * for, recomputing only the ancestors of the leaves changed since (each once), so a checkpoint
 * costs what changed since the one before, not the whole tree. Levels are packed buffers.
 */
export class UpdatableMerkleTree {
  private readonly levels: Buffer[] = [Buffer.alloc(0)];
  private readonly counts: number[] = [0];
  private changed = new Set<number>();

  /** A tree over these leaves (leaf data: each is hashed as a leaf), built bottom-up. */
  static of(leaves: readonly Buffer[]): UpdatableMerkleTree {
    const tree = new UpdatableMerkleTree();
    leaves.forEach((leaf, index) => tree.setLeaf(index, leaf));
    return tree;
  }

  get size(): number {
    return this.counts[0];
  }

  /** Replaces the `index`-th leaf, or adds one when `index` is the size. */
  setLeaf(index: number, leaf: Buffer): void {
    if (!Number.isInteger(index) || index < 0 || index > this.size) throw new RangeError(`leaf ${index} is neither in a tree of ${this.size} nor the next one`);
    if (index === this.size) this.grow(0, index + 1);
    leafHash(leaf).copy(this.levels[0], index * HASH_BYTES);
    this.changed.add(index);
  }

  root(): Buffer {
    this.update();
    if (this.size === 0) return EMPTY_ROOT;
    return Buffer.from(this.node(this.levels.length - 1, 0));
  }

  /** The sibling hashes from the leaf up (RFC 6962's audit path). */
  proof(index: number): Buffer[] {
    if (!Number.isInteger(index) || index < 0 || index >= this.size) throw new RangeError(`leaf ${index} is not in a tree of ${this.size}`);
    this.update();
    const path: Buffer[] = [];
    for (let level = 0, i = index; level < this.levels.length - 1; level++, i >>= 1) {
      if ((i ^ 1) < this.counts[level]) path.push(Buffer.from(this.node(level, i ^ 1)));
    }
    return path;
  }

  private update(): void {
    let indexes = this.changed;
    this.changed = new Set();
    for (let level = 0; this.counts[level] > 1; level++) {
      const parents = new Set<number>();
      for (const index of indexes) parents.add(index >> 1);
      this.grow(level + 1, Math.ceil(this.counts[level] / 2));
      for (const parent of parents) {
        const left = parent * 2;
        const hash = left + 1 < this.counts[level] ? nodeHash(this.node(level, left), this.node(level, left + 1)) : this.node(level, left);
        hash.copy(this.levels[level + 1], parent * HASH_BYTES);
      }
      indexes = parents;
    }
  }

  /** Makes room for `count` nodes at a level (doubling its buffer when full). */
  private grow(level: number, count: number): void {
    if (this.levels.length === level) {
      this.levels.push(Buffer.alloc(0));
      this.counts.push(0);
    }
    if (count * HASH_BYTES > this.levels[level].length) {
      const larger = Buffer.alloc(Math.max(count, this.levels[level].length / HASH_BYTES * 2, 16) * HASH_BYTES);
      this.levels[level].copy(larger);
      this.levels[level] = larger;
    }
    this.counts[level] = count;
  }

  private node(level: number, index: number): Buffer {
    return this.levels[level].subarray(index * HASH_BYTES, (index + 1) * HASH_BYTES);
  }
}
