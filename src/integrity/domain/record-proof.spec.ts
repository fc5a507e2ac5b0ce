import { generateKeyPairSync } from 'node:crypto';
import { eventDigest, GENESIS_LINK, linkOf } from '../../shared/domain/event-chain';
import type { ChainedEvent } from '../../shared/domain/event-chain';
import { signCheckpoint, STREAM_HEADS_CHECKPOINT_FORMAT } from './checkpoint';
import { foldIntoSubjects, HeadsTree, STREAM_HEAD_FORMAT, SUBJECT_HEAD_FORMAT } from './heads-tree';
import { proveRecord, verifyRecordProof } from './record-proof';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');

/** Streams chained each on its own, as EventStoreDB keeps them; positions in the order given. */
function chainedStreams(events: [streamName: string, points: number][]): ChainedEvent[] {
  const heads = new Map<string, { revision: number; link: Buffer }>();
  return events.map(([streamName, points], i) => {
    const head = heads.get(streamName) ?? { revision: -1, link: GENESIS_LINK };
    const employee = streamName === 'deduction-D-2' ? 'employee:E-2' : 'employee:E-1';
    const content = { id: `id-${i}`, streamName, revision: head.revision + 1, type: 'DeductionApplied', data: JSON.stringify({ points }), metadata: JSON.stringify({ subjects: [employee, 'period:2026-03'] }) };
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

/** Given the log above, a checkpoint that also signs the subjects' heads, and E-1's whole record proven against it. */
function proofOfE1Record() {
  const log = chainedStreams([['deduction-D-1', 2], ['deduction-D-2', 1], ['deduction-D-1', 2], ['ticket-T-1', 0], ['deduction-D-1', 3]]);
  const streams = new HeadsTree(STREAM_HEAD_FORMAT);
  const subjects = new HeadsTree(SUBJECT_HEAD_FORMAT);
  for (const event of log) {
    streams.set(event.streamName, { revision: event.revision, link: event.chainLink });
    foldIntoSubjects(subjects, event.metadata, event.chainLink);
  }
  const last = log[log.length - 1];
  const checkpoint = signCheckpoint(
    {
      size: streams.size,
      position: last.position,
      link: last.chainLink!.toString('hex'),
      root: streams.root().toString('hex'),
      signedAt: '2026-04-01T00:00:00.000Z',
      subjects: { size: subjects.size, root: subjects.root().toString('hex') },
    },
    privateKey,
    publicKey,
    STREAM_HEADS_CHECKPOINT_FORMAT,
  );
  const ofE1 = log.filter((event) => event.metadata.includes('employee:E-1'));
  const events = ofE1.map((event) => {
    const ofStream = log.filter((other) => other.streamName === event.streamName);
    return { ...event, index: streams.chainNames().indexOf(event.streamName), following: ofStream.slice(event.revision + 1).map((later) => eventDigest(later)) };
  });
  const index = subjects.chainNames().indexOf('employee:E-1');
  return proveRecord('employee:E-1', checkpoint, streams.levels(), events, { index, path: subjects.levels().proof(index) });
}

describe("a record proof against a checkpoint that signs the subjects' heads", () => {
  it("given every event of the employee up to the checkpoint, then it is verified complete", () => {
    const proof = proofOfE1Record();
    expect(proof.events).toHaveLength(4);
    expect(verifyRecordProof(proof, publicKey)).toMatchObject({ verified: true, events: 4, complete: true });
  });

  it('given one of its events left out, each remaining one still in the signed log, then the export is refused as incomplete', () => {
    const proof = proofOfE1Record();
    proof.events.splice(2, 1);
    expect(verifyRecordProof(proof, publicKey)).toEqual({
      verified: false,
      problems: ['the export does not hold exactly the events of employee:E-1 up to the checkpoint: an event of it is left out or added (its 3 events do not fold to the head signed)'],
    });
  });

  it("given another employee's event added, then it is refused as not about the employee", () => {
    const proof = proofOfE1Record();
    const other = proofOfFirstEventOf('deduction-D-2').events[0];
    proof.events.splice(1, 0, other);
    expect(verifyRecordProof(proof, publicKey)).toMatchObject({ verified: false, problems: [expect.stringContaining(`the event at position ${other.position} is not about employee:E-1`)] });
  });

  it("given a checkpoint from before the subjects' heads, then the events are verified but completeness is not claimed", () => {
    expect(verifyRecordProof(proofOfFirstEventOf('deduction-D-1'), publicKey)).toMatchObject({ verified: true, complete: false });
  });
});
