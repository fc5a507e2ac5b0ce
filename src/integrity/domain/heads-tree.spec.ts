import { createHash } from 'node:crypto';
import { MerkleLevels } from './merkle-tree';
import { STREAM_HEAD_FORMAT, HeadsTree, headLeaf } from './heads-tree';

const link = (byte: number) => Buffer.alloc(32, byte);

describe("the streams' heads tree", () => {
  it("orders the streams as their first events appear and gives RFC 6962's root over their current heads' leaves", () => {
    const tree = new HeadsTree(STREAM_HEAD_FORMAT);
    tree.set('ticket-T-1', { revision: 0, link: link(1) });
    tree.set('deduction-D-1', { revision: 0, link: link(2) });
    tree.root();
    tree.set('ticket-T-1', { revision: 1, link: link(3) });

    expect(tree.chainNames()).toEqual(['ticket-T-1', 'deduction-D-1']);
    const expected = MerkleLevels.of([headLeaf(STREAM_HEAD_FORMAT, 'ticket-T-1', { revision: 1, link: link(3) }), headLeaf(STREAM_HEAD_FORMAT, 'deduction-D-1', { revision: 0, link: link(2) })]).root();
    expect(tree.root()).toEqual(expected);
  });

  it('hashes a leaf as the JSON of its format, stream, revision and link in hex, so any language can rebuild it', () => {
    const json = JSON.stringify(['ledger-stream-head/1', 'ticket-T-1', 4, link(7).toString('hex')]);
    expect(headLeaf(STREAM_HEAD_FORMAT, 'ticket-T-1', { revision: 4, link: link(7) })).toEqual(createHash('sha256').update(json).digest());
    expect(headLeaf(STREAM_HEAD_FORMAT, 'ticket-T-1', { revision: 4, link: null })).toEqual(createHash('sha256').update(JSON.stringify(['ledger-stream-head/1', 'ticket-T-1', 4, ''])).digest());
  });

  it('restores from its saved state to the same order and root, and refuses a state that is not one', () => {
    const tree = new HeadsTree(STREAM_HEAD_FORMAT);
    for (const [name, byte] of [['b', 1], ['a', 2], ['c', 3]] as const) tree.set(name, { revision: byte, link: link(byte) });
    const restored = HeadsTree.restore(STREAM_HEAD_FORMAT, tree.state())!;
    expect(restored.chainNames()).toEqual(['b', 'a', 'c']);
    expect(restored.root()).toEqual(tree.root());
    expect(HeadsTree.restore(STREAM_HEAD_FORMAT, [['a', 0, ''], ['a', 1, '']])).toBeUndefined();
    expect(HeadsTree.restore(STREAM_HEAD_FORMAT, [['a', 0, 'not hex']])).toBeUndefined();
  });
});
