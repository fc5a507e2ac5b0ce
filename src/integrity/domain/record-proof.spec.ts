import { generateKeyPairSync } from 'node:crypto';
import { eventDigest, GENESIS_LINK, linkOf } from '../../shared/domain/event-chain';
import type { ChainedEvent } from '../../shared/domain/event-chain';
import { signCheckpoint, STREAM_HEADS_CHECKPOINT_FORMAT } from './checkpoint';
import { proveRecord, verifyRecordProof } from './record-proof';
import { STREAM_HEAD_FORMAT, HeadsTree } from './heads-tree';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');

/** Streams chained each on its own, as EventStoreDB keeps them; positions in the order given. */
function chainedStreams(events: [streamName: string, points: number][]): ChainedEvent[] {
  const heads = new Map<string, { revision: number; link: Buffer }>();
  return events.map(([streamName, points], i) => {
    const head = heads.get(streamName) ?? { revision: -1, link: GENESIS_LINK };
    const content = { id: `id-${i}`, streamName, revision: head.revision + 1, type: 'DeductionApplied', data: JSON.stringify({ points }), metadata: '{}' };
    const link = linkOf(head.link, content);
    heads.set(streamName, { revision: content.revision, link });
    return { position: (i + 1) * 10, ...content, chainPrev: head.link, chainLink: link };
  });
}

/** Given the log, a checkpoint over its streams' heads and a proof of `stream`'s first event. */
function proofOfFirstEventOf(stream: string) {
  const log = chainedStreams([['deduction-D-1', 2], ['deduction-D-2', 1], ['deduction-D-1', 2], ['ticket-T-1', 0], ['deduction-D-1', 3]]);
  const heads = new HeadsTree(STREAM_HEAD_FORMAT);
  for (const event of log) heads.set(event.streamName, { revision: event.revision, link: event.chainLink });
  const last = log[log.length - 1];
  const checkpoint = signCheckpoint(
    { size: heads.size, position: last.position, link: last.chainLink!.toString('hex'), root: heads.root().toString('hex'), signedAt: '2026-04-01T00:00:00.000Z' },
    privateKey,
    publicKey,
    STREAM_HEADS_CHECKPOINT_FORMAT,
  );
  const ofStream = log.filter((event) => event.streamName === stream);
  const following = ofStream.slice(1).map((event) => eventDigest(event));
  const index = heads.chainNames().indexOf(stream);
  return proveRecord('employee:E-1', checkpoint, heads.levels(), [{ ...ofStream[0], index, following }]);
}

describe("a record proof against a checkpoint over the streams' heads", () => {
  it("given an event two revisions before its stream's head, then the digests after it lead to the head signed, and the proof verifies", () => {
    const proof = proofOfFirstEventOf('deduction-D-1');
    expect(proof.events[0].following).toHaveLength(2);
    expect(verifyRecordProof(proof, publicKey)).toMatchObject({ verified: true, events: 1 });
  });

  it("given one of the following digests changed, then the event is not in the signed log", () => {
    const proof = proofOfFirstEventOf('deduction-D-1');
    const digest = proof.events[0].following![1];
    proof.events[0].following![1] = `${digest[0] === '0' ? '1' : '0'}${digest.slice(1)}`;
    expect(verifyRecordProof(proof, publicKey)).toEqual({ verified: false, problems: [expect.stringMatching(/deduction-D-1 revision 0\) is not in the signed log/)] });
  });

  it('given the digests after it left out, then the event is not in the signed log', () => {
    const proof = proofOfFirstEventOf('deduction-D-1');
    delete proof.events[0].following;
    expect(verifyRecordProof(proof, publicKey)).toMatchObject({ verified: false });
  });

  it("given the event's points changed, then it is altered", () => {
    const proof = proofOfFirstEventOf('deduction-D-2');
    proof.events[0].data = JSON.stringify({ points: 0 });
    expect(verifyRecordProof(proof, publicKey)).toEqual({ verified: false, problems: [expect.stringMatching(/deduction-D-2 revision 0\) is altered/)] });
  });
});
