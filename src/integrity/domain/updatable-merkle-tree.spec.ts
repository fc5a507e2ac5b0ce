import { randomBytes } from 'node:crypto';
import { MerkleLevels, rootFromProof } from './merkle-tree';
import { UpdatableMerkleTree } from './updatable-merkle-tree';

/** The reference is MerkleLevels, built whole from the same leaves each time. */
describe('an updatable Merkle tree', () => {
  it('given leaves added one by one, then after each its root is the tree of RFC 6962 over them', () => {
    const leaves: Buffer[] = [];
    const tree = new UpdatableMerkleTree();
    expect(tree.root()).toEqual(MerkleLevels.of([]).root());
    for (let size = 1; size <= 70; size++) {
      leaves.push(randomBytes(32));
      tree.setLeaf(size - 1, leaves[size - 1]);
      expect(tree.root().toString('hex')).toBe(MerkleLevels.of(leaves).root().toString('hex'));
    }
  });

  it('given leaves replaced and added between roots, then the root and every path are those of the tree built whole', () => {
    const leaves = Array.from({ length: 37 }, () => randomBytes(32));
    const tree = UpdatableMerkleTree.of(leaves);
    tree.root();
    for (const index of [0, 36, 17, 17, 5]) {
      leaves[index] = randomBytes(32);
      tree.setLeaf(index, leaves[index]);
    }
    leaves.push(randomBytes(32), randomBytes(32));
    tree.setLeaf(37, leaves[37]);
    tree.setLeaf(38, leaves[38]);
    const whole = MerkleLevels.of(leaves);
    expect(tree.root()).toEqual(whole.root());
    for (let index = 0; index < leaves.length; index++) {
      expect(tree.proof(index)).toEqual(whole.proof(index));
      expect(rootFromProof(leaves[index], index, leaves.length, tree.proof(index))).toEqual(whole.root());
    }
  });

  it('refuses a leaf beyond the next one', () => {
    expect(() => UpdatableMerkleTree.of([randomBytes(32)]).setLeaf(2, randomBytes(32))).toThrow('leaf 2 is neither in a tree of 1 nor the next one');
  });
});
