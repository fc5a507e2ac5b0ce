import { GENESIS_LINK, linkOf } from '../../shared/domain/event-chain';
import type { ChainedEvent } from '../../shared/domain/event-chain';
import { StreamChainSource, verifyStreamChains } from './stream-chain-verification';

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
    expect(report).toEqual({ intact: true, events: 6, streams: 2, findings: [] });
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
