import type { KeyObject } from 'node:crypto';
import { GENESIS_LINK, linkOf } from '../../shared/domain/event-chain';
import type { ChainedEvent } from '../../shared/domain/event-chain';
import { describeCheckpoint, STREAM_HEADS_CHECKPOINT_FORMAT } from './checkpoint';
import type { SignedCheckpoint } from './checkpoint';
import { subjectsMismatch, trustedCheckpoints } from './chain-verification';
import type { ChainReport, Finding } from './chain-verification';
import { foldIntoSubjects, HeadsTree, STREAM_HEAD_FORMAT, SUBJECT_HEAD_FORMAT } from './heads-tree';
import type { SavedHeads } from './heads-tree';

/** What the per-stream verifier reads: every stored event with its stream's links, in global order. */
export interface StreamChainSource {
  readChain(afterPosition: number, maxCount: number): Promise<ChainedEvent[]>;
}

export interface StreamChainReport extends ChainReport {
  streams: number;
}

const PAGE = 5_000;

/**
 * Verifies a store that keeps one chain per stream (EventStoreDB, docs/integrity.md): in each
 * stream, every event's content must still give its link, and its previous link must be the link
 * of the event stored before it in that stream, at the revision before its own. Each signed
 * checkpoint over the streams' heads must match the heads as the log stands at its position: that
 * catches a stream deleted, cut at its end or rewritten with fresh links. It keeps one head per
 * stream, not the events.
 */
export async function verifyStreamChains(
  source: StreamChainSource,
  checkpoints: readonly SignedCheckpoint[] = [],
  publicKey?: KeyObject,
  saved?: SavedHeads,
): Promise<StreamChainReport> {
  const findings: Finding[] = [];
  const trusted = publicKey ? distinct(trustedCheckpoints(checkpoints, STREAM_HEADS_CHECKPOINT_FORMAT, publicKey, findings)) : [];
  const tree = new HeadsTree(STREAM_HEAD_FORMAT);
  const subjects = new HeadsTree(SUBJECT_HEAD_FORMAT);
  let events = 0;
  let headPosition = 0;
  let verifiedUpTo: ChainReport['verifiedUpTo'];
  let next = 0;
  const checkAgainst = (checkpoint: SignedCheckpoint, ended = false) => {
    const faults = checkpointFindings(checkpoint, tree, headPosition, ended, saved);
    const subjectsFault = faults.length === 0 ? subjectsMismatch(checkpoint, subjects, checkpoint.position) : undefined;
    if (subjectsFault) faults.push(subjectsFault);
    if (faults.length > 0) findings.push(...faults);
    else if (findings.length === 0) verifiedUpTo = { position: checkpoint.position, size: events, checkpoint };
  };
  for (let page = await source.readChain(0, PAGE); page.length > 0; page = await source.readChain(page[page.length - 1].position, PAGE)) {
    for (const event of page) {
      for (; next < trusted.length && trusted[next].position < event.position; next++) checkAgainst(trusted[next]);
      events += 1;
      headPosition = event.position;
      const head = tree.get(event.streamName) ?? { revision: -1, link: GENESIS_LINK };
      tree.set(event.streamName, { revision: event.revision, link: event.chainLink });
      foldIntoSubjects(subjects, event.metadata, event.chainLink);
      const finding = findingOf(event, head);
      if (finding) findings.push(finding);
    }
    await nextTurn();
  }
  for (; next < trusted.length; next++) checkAgainst(trusted[next], true);
  return { intact: findings.length === 0, events, streams: tree.size, headPosition, verifiedUpTo, unsignedEvents: events - (verifiedUpTo?.size ?? 0), findings };
}

function findingOf(event: ChainedEvent, head: { revision: number; link: Buffer | null }): Finding | undefined {
  const at = { position: event.position };
  if (event.chainPrev === null || event.chainLink === null) return { kind: 'altered', ...at, message: `${describe(event)} is altered: it carries no links` };
  if (!linkOf(event.chainPrev, event).equals(event.chainLink)) return { kind: 'altered', ...at, message: `${describe(event)} is altered: its content no longer gives its link` };
  if (event.revision > head.revision + 1) {
    const first = head.revision + 1;
    const last = event.revision - 1;
    return { kind: 'missing', ...at, message: `${first === last ? `revision ${first}` : `revisions ${first} to ${last}`} of ${event.streamName} ${first === last ? 'is' : 'are'} missing: the stream goes from ${head.revision < 0 ? 'its start' : `revision ${head.revision}`} to ${event.revision}` };
  }
  if (event.revision <= head.revision) return { kind: 'out-of-order', ...at, message: `${describe(event)} is out of order: revision ${head.revision} of its stream is stored before it` };
  // an event after one without links cannot be checked against it: that one is reported already
  if (head.link !== null && !event.chainPrev.equals(head.link)) {
    return { kind: 'rewritten', ...at, message: `${describe(event)} was chained after another event than the one stored before it: its stream was rewritten before revision ${event.revision}` };
  }
  return undefined;
}

/** Nothing when the heads as the log stands at the checkpoint's position give its root; else what differs (`ended`: no event is stored after that position). */
function checkpointFindings(checkpoint: SignedCheckpoint, tree: HeadsTree, headPosition: number, ended: boolean, saved: SavedHeads | undefined): Finding[] {
  if (tree.size === checkpoint.size && tree.root().toString('hex') === checkpoint.root) return [];
  const signed = saved?.position === checkpoint.position ? HeadsTree.restore(STREAM_HEAD_FORMAT, saved.streams ?? []) : undefined;
  if (signed && signed.size === checkpoint.size && signed.root().toString('hex') === checkpoint.root) return streamsThatDiffer(checkpoint, signed, tree);
  const against = `the ${describeCheckpoint(checkpoint)}`;
  if (ended && headPosition < checkpoint.position) {
    return [{ kind: 'truncated', message: `the log ends at position ${headPosition}, ${against} reaches ${checkpoint.position}: events up to it are missing` }];
  }
  if (headPosition < checkpoint.position) {
    return [{ kind: 'missing', message: `no event is stored at position ${checkpoint.position}, the newest one ${against} signed: the streams' heads there do not match it` }];
  }
  return [{ kind: 'rewritten', message: `the streams' heads at position ${checkpoint.position} do not match ${against}: a stream was deleted, cut or rewritten before it` }];
}

/** Each stream whose head differs from the one signed, named with the saved heads (their root is the signed one). */
function streamsThatDiffer(checkpoint: SignedCheckpoint, signed: HeadsTree, now: HeadsTree): Finding[] {
  const findings: Finding[] = [];
  const against = `the ${describeCheckpoint(checkpoint)}`;
  for (const name of signed.chainNames()) {
    const then = signed.get(name)!;
    const stored = now.get(name);
    if (!stored) findings.push({ kind: 'missing', message: `${name} is gone: it held revisions 0 to ${then.revision} at ${against}` });
    else if (stored.revision < then.revision) {
      findings.push({ kind: 'truncated', message: `${name} ends at revision ${stored.revision}, ${against} saw revision ${then.revision}: the events after ${stored.revision} are missing` });
    } else if (!sameLink(stored.link, then.link)) {
      findings.push({ kind: 'rewritten', message: `${name} was rewritten: its revision ${stored.revision} is not the one signed at ${against}` });
    }
  }
  for (const name of now.chainNames()) {
    if (!signed.get(name)) findings.push({ kind: 'added', message: `${name} was added before position ${checkpoint.position}: ${against} does not know it` });
  }
  return findings;
}

/** By position; of the checkpoints that sign the same heads (nothing appended between them), the last one: they say the same. */
function distinct(checkpoints: SignedCheckpoint[]): SignedCheckpoint[] {
  const sorted = checkpoints.sort((a, b) => a.position - b.position);
  return sorted.filter((checkpoint, i) => i === sorted.length - 1 || sorted[i + 1].position !== checkpoint.position || sorted[i + 1].root !== checkpoint.root);
}

const sameLink = (a: Buffer | null, b: Buffer | null) => (a === null || b === null ? a === b : a.equals(b));

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

function describe(event: ChainedEvent): string {
  return `the event at position ${event.position} (${event.type}, ${event.streamName} revision ${event.revision})`;
}
