import { GENESIS_LINK, linkOf } from '../../shared/domain/event-chain';
import type { ChainedEvent } from '../../shared/domain/event-chain';
import type { Finding } from './chain-verification';

/** What the per-stream verifier reads: every stored event with its stream's links, in global order. */
export interface StreamChainSource {
  readChain(afterPosition: number, maxCount: number): Promise<ChainedEvent[]>;
}

export interface StreamChainReport {
  /** No finding: every stream's events follow each other as their links say. */
  intact: boolean;
  events: number;
  streams: number;
  findings: Finding[];
}

const PAGE = 5_000;

/**
 * Verifies a store that keeps one chain per stream (EventStoreDB, docs/integrity.md): in each
 * stream, every event's content must still give its link, and its previous link must be the link
 * of the event stored before it in that stream, at the revision before its own. It keeps one head
 * per stream, not the events.
 */
export async function verifyStreamChains(source: StreamChainSource): Promise<StreamChainReport> {
  const findings: Finding[] = [];
  const heads = new Map<string, { revision: number; link: Buffer | null }>();
  let events = 0;
  for (let page = await source.readChain(0, PAGE); page.length > 0; page = await source.readChain(page[page.length - 1].position, PAGE)) {
    for (const event of page) {
      events += 1;
      const head = heads.get(event.streamName) ?? { revision: -1, link: GENESIS_LINK };
      heads.set(event.streamName, { revision: event.revision, link: event.chainLink });
      const finding = findingOf(event, head);
      if (finding) findings.push(finding);
    }
    await nextTurn();
  }
  return { intact: findings.length === 0, events, streams: heads.size, findings };
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

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

function describe(event: ChainedEvent): string {
  return `the event at position ${event.position} (${event.type}, ${event.streamName} revision ${event.revision})`;
}
