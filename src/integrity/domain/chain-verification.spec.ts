import { generateKeyPairSync } from 'node:crypto';
import { GENESIS_LINK, linkOf } from '../../shared/domain/event-chain';
import type { ChainedEvent } from '../../shared/domain/event-chain';
import { ChainSource, verifyChain } from './chain-verification';
import { signCheckpoint, SignedCheckpoint } from './checkpoint';
import { foldIntoSubjects, HeadsTree, SUBJECT_HEAD_FORMAT } from './heads-tree';
import { MerkleFrontier } from './merkle-tree';

const keys = generateKeyPairSync('ed25519');
const otherKeys = generateKeyPairSync('ed25519');

function content(i: number) {
  return {
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    streamName: `deduction-D-${i}`,
    revision: 0,
    type: 'DeductionApplied',
    data: JSON.stringify({ deductionId: `D-${i}`, employeeId: 'E-1', points: 2 }),
    metadata: JSON.stringify({ actor: 'clerk', recordedAt: '2026-03-01T00:00:00.000Z' }),
  };
}

/** Given a log of `n` events chained as the store chains them, at positions 1..n. */
function chainedLog(n: number): ChainedEvent[] {
  let link = GENESIS_LINK;
  return Array.from({ length: n }, (_, index) => {
    const event = content(index + 1);
    const next = linkOf(link, event);
    const row = { position: index + 1, ...event, chainPrev: link, chainLink: next };
    link = next;
    return row;
  });
}

function sourceOf(rows: ChainedEvent[]): ChainSource {
  const sorted = [...rows].sort((a, b) => a.position - b.position);
  return {
    readChain: async (after, max) => sorted.filter((row) => row.position > after).slice(0, max),
    positionOfLink: async (link) => sorted.find((row) => row.chainLink?.equals(link))?.position,
  };
}

function checkpointOf(rows: ChainedEvent[], size: number, privateKey = keys.privateKey, publicKey = keys.publicKey): SignedCheckpoint {
  const frontier = new MerkleFrontier();
  rows.slice(0, size).forEach((row) => frontier.add(row.chainLink!));
  const last = rows[size - 1];
  return signCheckpoint({ size, position: last.position, link: last.chainLink!.toString('hex'), root: frontier.root().toString('hex'), signedAt: '2026-04-01T00:00:00.000Z' }, privateKey, publicKey);
}

const kinds = async (rows: ChainedEvent[], checkpoints: SignedCheckpoint[]) =>
  (await verifyChain(sourceOf(rows), checkpoints, keys.publicKey)).findings.map(({ kind, position }) => ({ kind, position }));

describe('verifying the chain', () => {
  const log = chainedLog(20);
  const checkpoint = checkpointOf(log, 20);

  it('given an unaltered log and its checkpoint, verifies up to the checkpoint', async () => {
    const report = await verifyChain(sourceOf(log), [checkpointOf(log, 12), checkpoint], keys.publicKey);
    expect(report).toMatchObject({ intact: true, events: 20, headPosition: 20, unsignedEvents: 0, findings: [] });
    expect(report.verifiedUpTo).toMatchObject({ position: 20, size: 20 });
  });

  it('counts the events after the newest checkpoint as not yet signed', async () => {
    const report = await verifyChain(sourceOf(log), [checkpointOf(log, 12)], keys.publicKey);
    expect(report).toMatchObject({ intact: true, unsignedEvents: 8, verifiedUpTo: { position: 12 } });
  });

  it("names an event whose points were changed in place as altered (its stored links still match the checkpoint)", async () => {
    const altered = log.map((row) => (row.position === 7 ? { ...row, data: row.data.replace('"points":2', '"points":0') } : row));
    expect(await kinds(altered, [checkpoint])).toEqual([{ kind: 'altered', position: 7 }]);
  });

  it('names a deleted event as missing before the one after it', async () => {
    expect(await kinds(log.filter((row) => row.position !== 9), [checkpoint])).toEqual([
      { kind: 'missing', position: 10 },
      // the checkpoint's tree had 20 leaves; the store now holds 19
      { kind: 'missing', position: undefined },
    ]);
  });

  it('names an event inserted with links computed to fit as added', async () => {
    const forgedContent = { ...content(99), data: JSON.stringify({ deductionId: 'D-99', employeeId: 'E-1', points: 10 }) };
    const forged = { position: 6, ...forgedContent, chainPrev: log[4].chainLink, chainLink: linkOf(log[4].chainLink!, forgedContent) };
    const shifted = [...log.slice(0, 5), forged, ...log.slice(5).map((row) => ({ ...row, position: row.position + 1 }))];
    const found = await kinds(shifted, [checkpoint]);
    expect(found[0]).toEqual({ kind: 'added', position: 6 });
    expect(found.map((finding) => finding.kind)).not.toContain('missing');
  });

  it('names events whose places were swapped as out of order', async () => {
    const swapped = log.map((row) => (row.position === 4 ? { ...row, position: 15 } : row.position === 15 ? { ...row, position: 4 } : row));
    const found = await kinds(swapped, [checkpoint]);
    expect(new Set(found.map((finding) => finding.kind))).toEqual(new Set(['out-of-order', 'rewritten']));
    expect(found.filter((finding) => finding.kind === 'out-of-order').map((finding) => finding.position)).toEqual(expect.arrayContaining([4, 15]));
  });

  it('names neighbours swapped as out of order, nothing as added', async () => {
    const swapped = log.map((row) => (row.position === 4 ? { ...row, position: 5 } : row.position === 5 ? { ...row, position: 4 } : row));
    const found = await kinds(swapped, []);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((finding) => finding.kind === 'out-of-order')).toBe(true);
  });

  it('names a cut tail as truncated against the checkpoint', async () => {
    const report = await verifyChain(sourceOf(log.slice(0, 17)), [checkpoint], keys.publicKey);
    expect(report.findings).toEqual([expect.objectContaining({ kind: 'truncated', message: expect.stringContaining('the events after 17 are missing') })]);
  });

  it('catches a log rewritten with fresh links only by its checkpoint', async () => {
    const rewritten: ChainedEvent[] = [];
    let link = GENESIS_LINK;
    for (const row of log) {
      const data = row.position === 3 ? row.data.replace('"points":2', '"points":0') : row.data;
      const next = linkOf(link, { ...row, data });
      rewritten.push({ ...row, data, chainPrev: link, chainLink: next });
      link = next;
    }
    expect(await kinds(rewritten, [])).toEqual([]);
    expect(await kinds(rewritten, [checkpoint])).toEqual([{ kind: 'rewritten', position: 20 }]);
  });

  it('trusts no checkpoint signed with another key, nor one changed after signing', async () => {
    const forged = checkpointOf(log, 20, otherKeys.privateKey, otherKeys.publicKey);
    const edited = { ...checkpoint, size: 19 };
    const report = await verifyChain(sourceOf(log), [forged, edited], keys.publicKey);
    expect(report.findings.map((finding) => finding.kind)).toEqual(['untrusted-checkpoint', 'untrusted-checkpoint']);
    expect(report.verifiedUpTo).toBeUndefined();
  });

  it('names an event whose links were removed as altered', async () => {
    const unlinked = log.map((row) => (row.position === 11 ? { ...row, chainLink: null, chainPrev: null } : row));
    expect(await kinds(unlinked, [])).toEqual([{ kind: 'altered', position: 11 }]);
  });
});

describe("verifying the subjects' heads a checkpoint signs", () => {
  /** Given a log whose events are about E-1 or E-2, alternately, and a checkpoint over it signing `subjects` as given. */
  function logAbout(subjectsSigned: (rows: ChainedEvent[]) => HeadsTree) {
    let link = GENESIS_LINK;
    const rows = Array.from({ length: 6 }, (_, index) => {
      const event = { ...content(index + 1), metadata: JSON.stringify({ subjects: [`employee:E-${index % 2}`] }) };
      const next = linkOf(link, event);
      const row = { position: index + 1, ...event, chainPrev: link, chainLink: next };
      link = next;
      return row;
    });
    const unsigned = checkpointOf(rows, 6);
    const subjects = subjectsSigned(rows);
    const checkpoint = signCheckpoint({ ...unsigned, subjects: { size: subjects.size, root: subjects.root().toString('hex') } }, keys.privateKey, keys.publicKey);
    return { rows, checkpoint };
  }
  const folded = (rows: ChainedEvent[]) => {
    const subjects = new HeadsTree(SUBJECT_HEAD_FORMAT);
    rows.forEach((row) => foldIntoSubjects(subjects, row.metadata, row.chainLink));
    return subjects;
  };

  it('given the heads the log folds to, verifies up to the checkpoint', async () => {
    const { rows, checkpoint } = logAbout(folded);
    expect(await verifyChain(sourceOf(rows), [checkpoint], keys.publicKey)).toMatchObject({ intact: true, verifiedUpTo: { position: 6 } });
  });

  it('given heads other than the log folds to (one event left out of E-1), reports the checkpoint rewritten there', async () => {
    const { rows, checkpoint } = logAbout((all) => folded(all.filter((row) => row.position !== 3)));
    const report = await verifyChain(sourceOf(rows), [checkpoint], keys.publicKey);
    expect(report.verifiedUpTo).toBeUndefined();
    expect(report.findings).toEqual([expect.objectContaining({ kind: 'rewritten', position: 6, message: expect.stringContaining("the subjects' heads up to position 6 do not match") })]);
  });
});

