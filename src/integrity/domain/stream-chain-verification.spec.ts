import { generateKeyPairSync } from 'node:crypto';
import { GENESIS_LINK, linkOf } from '../../shared/domain/event-chain';
import type { ChainedEvent } from '../../shared/domain/event-chain';
import { signCheckpoint, STREAM_HEADS_CHECKPOINT_FORMAT } from './checkpoint';
import type { SignedCheckpoint } from './checkpoint';
import { StreamChainSource, verifyStreamChains } from './stream-chain-verification';
import { HeadsTree, STREAM_HEAD_FORMAT } from './heads-tree';
import type { SavedHeads } from './heads-tree';

/** Given two streams of `perStream` events each, chained per stream, interleaved in the global order. */
function interleavedStreams(perStream: number): ChainedEvent[] {
  const links = new Map<string, Buffer>();
  const rows: ChainedEvent[] = [];
  for (let revision = 0; revision < perStream; revision++) {
    for (const streamName of ['ticket-T-1', 'employee-E-1']) {
      const event = {
        id: `id-${streamName}-${revision}`,
        streamName,
        revision,
        type: 'Happened',
        data: JSON.stringify({ revision, points: 2 }),
        metadata: JSON.stringify({ actor: 'clerk' }),
      };
      const prev = links.get(streamName) ?? GENESIS_LINK;
      const link = linkOf(prev, event);
      links.set(streamName, link);
      rows.push({ position: (rows.length + 1) * 100, ...event, chainPrev: prev, chainLink: link });
    }
  }
  return rows;
}

function sourceOf(rows: ChainedEvent[]): StreamChainSource {
  return { readChain: async (after, max) => rows.filter((row) => row.position > after).slice(0, max) };
}

describe('verifying a chain kept per stream', () => {
  it('given streams whose events interleave in the log, when verified, then they are intact', async () => {
    const report = await verifyStreamChains(sourceOf(interleavedStreams(3)));
    expect(report).toEqual({ intact: true, events: 6, streams: 2, headPosition: 600, verifiedUpTo: undefined, unsignedEvents: 6, findings: [] });
  });

  it("given one event's points changed, then that event is altered and nothing else is said", async () => {
    const rows = interleavedStreams(3);
    rows[2] = { ...rows[2], data: rows[2].data.replace('"points":2', '"points":9') };
    const report = await verifyStreamChains(sourceOf(rows));
    expect(report.intact).toBe(false);
    expect(report.findings).toEqual([expect.objectContaining({ kind: 'altered', position: 300 })]);
    expect(report.findings[0].message).toContain('ticket-T-1 revision 1');
  });

  it('given an event removed from the middle of a stream, then its revision is missing', async () => {
    const rows = interleavedStreams(3).filter((row) => row.position !== 400);
    const report = await verifyStreamChains(sourceOf(rows));
    expect(report.findings).toEqual([expect.objectContaining({ kind: 'missing', position: 600 })]);
    expect(report.findings[0].message).toBe('revision 1 of employee-E-1 is missing: the stream goes from revision 0 to 2');
  });

  it('given an event stored with links of its own making in place of the one before it, then the stream is rewritten from there', async () => {
    const rows = interleavedStreams(3);
    const forged = { ...rows[2], data: JSON.stringify({ revision: 1, points: 0 }) };
    rows[2] = { ...forged, chainLink: linkOf(forged.chainPrev!, forged) };
    const report = await verifyStreamChains(sourceOf(rows));
    expect(report.findings).toEqual([expect.objectContaining({ kind: 'rewritten', position: 500 })]);
  });

  it('given an event stored again at a revision its stream already has, then it is out of order', async () => {
    const rows = interleavedStreams(2);
    rows.push({ ...rows[0], position: 900 });
    const report = await verifyStreamChains(sourceOf(rows));
    expect(report.findings).toEqual([expect.objectContaining({ kind: 'out-of-order', position: 900 })]);
  });

  it('given an event whose links were removed, then it is altered and the event after it is not blamed', async () => {
    const rows = interleavedStreams(3);
    rows[0] = { ...rows[0], chainPrev: null, chainLink: null };
    const report = await verifyStreamChains(sourceOf(rows));
    expect(report.findings).toEqual([expect.objectContaining({ kind: 'altered', position: 100 })]);
  });
});

const { privateKey, publicKey } = generateKeyPairSync('ed25519');

/** A checkpoint signed over the heads of the first `count` rows, and the heads saved beside it. */
function checkpointOver(rows: ChainedEvent[], count: number): { checkpoint: SignedCheckpoint; saved: SavedHeads } {
  const tree = new HeadsTree(STREAM_HEAD_FORMAT);
  for (const row of rows.slice(0, count)) tree.set(row.streamName, { revision: row.revision, link: row.chainLink });
  const last = rows[count - 1];
  const checkpoint = signCheckpoint(
    { size: tree.size, position: last.position, link: last.chainLink!.toString('hex'), root: tree.root().toString('hex'), signedAt: '2026-04-01T00:00:00.000Z' },
    privateKey,
    publicKey,
    STREAM_HEADS_CHECKPOINT_FORMAT,
  );
  return { checkpoint, saved: { position: last.position, streams: tree.state() } };
}

describe('verifying a chain kept per stream against checkpoints over the streams\' heads', () => {
  it('given a checkpoint over the first four events, when verified, then the log is verified up to it and two events are unsigned', async () => {
    const rows = interleavedStreams(3);
    const { checkpoint } = checkpointOver(rows, 4);
    const report = await verifyStreamChains(sourceOf(rows), [checkpoint], publicKey);
    expect(report).toMatchObject({ intact: true, verifiedUpTo: { position: 400, size: 4, checkpoint }, unsignedEvents: 2, findings: [] });
  });

  it("given a stream's last events cut, which no link shows, then the checkpoint that saw them names the stream truncated", async () => {
    const rows = interleavedStreams(3);
    const { checkpoint, saved } = checkpointOver(rows, 6);
    const cut = rows.filter((row) => !(row.streamName === 'ticket-T-1' && row.revision === 2));
    const report = await verifyStreamChains(sourceOf(cut), [checkpoint], publicKey, saved);
    expect(report.intact).toBe(false);
    expect(report.findings).toEqual([expect.objectContaining({ kind: 'truncated' })]);
    expect(report.findings[0].message).toMatch(/^ticket-T-1 ends at revision 1, .* saw revision 2/);
  });

  it('given a whole stream deleted, then it is named missing; without the saved heads the checkpoint is said not to match', async () => {
    const rows = interleavedStreams(3);
    const { checkpoint, saved } = checkpointOver(rows, 6);
    const deleted = rows.filter((row) => row.streamName !== 'employee-E-1');
    const named = await verifyStreamChains(sourceOf(deleted), [checkpoint], publicKey, saved);
    expect(named.findings).toEqual([expect.objectContaining({ kind: 'missing', message: expect.stringMatching(/^employee-E-1 is gone: it held revisions 0 to 2/) })]);
    const unnamed = await verifyStreamChains(sourceOf(deleted), [checkpoint], publicKey);
    expect(unnamed.findings).toEqual([expect.objectContaining({ kind: 'truncated', message: expect.stringContaining('the log ends at position 500') })]);
  });

  it("given the checkpoint's own head event deleted and events stored after it, then that position is named missing, not the log's end", async () => {
    const rows = interleavedStreams(3);
    const { checkpoint } = checkpointOver(rows, 4);
    const report = await verifyStreamChains(sourceOf(rows.filter((row) => row.position !== 400)), [checkpoint], publicKey);
    expect(report.findings.map((finding) => finding.message)).toEqual([
      expect.stringMatching(/^no event is stored at position 400, the newest one the checkpoint of .* signed/),
      'revision 1 of employee-E-1 is missing: the stream goes from revision 0 to 2',
    ]);
  });

  it('given a stream rewritten whole with fresh links, which every link check passes, then the checkpoint names it rewritten', async () => {
    const rows = interleavedStreams(2);
    const { checkpoint, saved } = checkpointOver(rows, 4);
    let prev = GENESIS_LINK;
    const rewritten = rows.map((row) => {
      if (row.streamName !== 'ticket-T-1') return row;
      const forged = { ...row, data: row.data.replace('"points":2', '"points":0') };
      const link = linkOf(prev, forged);
      const stored = { ...forged, chainPrev: prev, chainLink: link };
      prev = link;
      return stored;
    });
    expect((await verifyStreamChains(sourceOf(rewritten))).intact).toBe(true);
    const report = await verifyStreamChains(sourceOf(rewritten), [checkpoint], publicKey, saved);
    expect(report.findings).toEqual([expect.objectContaining({ kind: 'rewritten', message: expect.stringMatching(/^ticket-T-1 was rewritten: its revision 1 is not the one signed/) })]);
  });

  it('given a checkpoint edited after signing, then it is untrusted and verifies nothing', async () => {
    const rows = interleavedStreams(2);
    const { checkpoint } = checkpointOver(rows, 4);
    const report = await verifyStreamChains(sourceOf(rows), [{ ...checkpoint, size: 3 }], publicKey);
    expect(report.verifiedUpTo).toBeUndefined();
    expect(report.findings).toEqual([expect.objectContaining({ kind: 'untrusted-checkpoint' })]);
  });
});
