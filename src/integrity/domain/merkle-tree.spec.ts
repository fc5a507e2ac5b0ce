import { createHash } from 'node:crypto';
import { leafHash, MerkleFrontier, MerkleLevels, nodeHash, rootFromProof } from './merkle-tree';

/** RFC 6962's definition, word for word: MTH(D[n]) = SHA-256(0x01 || MTH(D[0:k]) || MTH(D[k:n])), k the largest power of two < n. */
function rfcRoot(links: Buffer[]): Buffer {
  if (links.length === 0) return createHash('sha256').digest();
  if (links.length === 1) return leafHash(links[0]);
  let k = 1;
  while (k * 2 < links.length) k *= 2;
  return nodeHash(rfcRoot(links.slice(0, k)), rfcRoot(links.slice(k)));
}

const linksOf = (n: number) => Array.from({ length: n }, (_, i) => createHash('sha256').update(`event ${i}`).digest());

describe('the Merkle tree over the chain (RFC 6962)', () => {
  it('gives the RFC root for every size from 0 to 40, growing or built at once', () => {
    for (let n = 0; n <= 40; n++) {
      const links = linksOf(n);
      const frontier = new MerkleFrontier();
      links.forEach((link) => frontier.add(link));
      expect(frontier.root().toString('hex')).toBe(rfcRoot(links).toString('hex'));
      expect(MerkleLevels.of(links).root().toString('hex')).toBe(rfcRoot(links).toString('hex'));
    }
  });

  it('proves every leaf of every size up to 33, and nothing else', () => {
    for (let n = 1; n <= 33; n++) {
      const links = linksOf(n);
      const tree = MerkleLevels.of(links);
      const root = tree.root();
      for (let i = 0; i < n; i++) {
        const proof = tree.proof(i);
        expect(rootFromProof(links[i], i, n, proof)?.equals(root)).toBe(true);
        // the same proof for another leaf, another place or a tampered sibling leads elsewhere
        if (n > 1) expect(rootFromProof(links[(i + 1) % n], i, n, proof)?.equals(root) ?? false).toBe(false);
        if (n > 1) expect(rootFromProof(links[i], (i + 1) % n, n, proof)?.equals(root) ?? false).toBe(false);
        if (proof.length > 0) {
          const tampered = proof.map((hash) => Buffer.from(hash));
          tampered[0][0] ^= 1;
          expect(rootFromProof(links[i], i, n, tampered)?.equals(root)).toBe(false);
        }
      }
    }
  });

  it('builds the same tree a slice at a time as at once', async () => {
    for (const n of [1, 2, 7, 64, 100]) {
      const links = linksOf(n);
      const sliced = await MerkleLevels.build(Buffer.concat(links), 3);
      expect(sliced.root().toString('hex')).toBe(rfcRoot(links).toString('hex'));
      expect(sliced.proof(n - 1).map((hash) => hash.toString('hex'))).toEqual(MerkleLevels.of(links).proof(n - 1).map((hash) => hash.toString('hex')));
    }
  });

  it('refuses a leaf outside the tree', () => {
    expect(() => MerkleLevels.of(linksOf(3)).proof(3)).toThrow('leaf 3 is not in a tree of 3');
    expect(rootFromProof(linksOf(1)[0], 3, 3, [])).toBeUndefined();
  });
});

describe('a saved frontier', () => {
  it('restores to the same root, and keeps growing as the one saved would', () => {
    const links = linksOf(45);
    const frontier = new MerkleFrontier();
    links.slice(0, 30).forEach((link) => frontier.add(link));
    const restored = MerkleFrontier.restore(JSON.parse(JSON.stringify(frontier.state())))!;
    links.slice(30).forEach((link) => restored.add(link));
    expect(restored.root().toString('hex')).toBe(rfcRoot(links).toString('hex'));
  });

  it('is refused when its peaks do not make its size', () => {
    const frontier = new MerkleFrontier();
    linksOf(6).forEach((link) => frontier.add(link));
    expect(MerkleFrontier.restore({ ...frontier.state(), size: 7 })).toBeUndefined();
    expect(MerkleFrontier.restore({ size: 6, peaks: [...frontier.state().peaks].reverse() })).toBeUndefined();
    expect(MerkleFrontier.restore({ size: 1, peaks: [{ hash: 'zz', height: 0 }] })).toBeUndefined();
  });
});
