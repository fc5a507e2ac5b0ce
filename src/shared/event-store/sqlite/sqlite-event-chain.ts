import type { Database } from 'better-sqlite3';
import { GENESIS_LINK, linkOf } from '../../domain/event-chain';
import type { SqliteEventQueries } from './sqlite-event-queries';

const PAGE = 5_000;
const CHAINED_FROM_THE_START = 'chain';

/**
 * Chains the events a store made before the chain existed (they are its oldest: every append since
 * is chained as it commits), a page per transaction, so a crash part-way resumes where it stopped.
 * It runs once per store: afterwards the store is marked chained, and an event without its links
 * is one somebody altered, for the verifier to report, never to chain again.
 * Returns how many events it chained.
 */
export function chainEarlierEvents(db: Database, queries: SqliteEventQueries): number {
  const marked = db.prepare<[string], { value: string }>('SELECT value FROM store_meta WHERE key = ?').get(CHAINED_FROM_THE_START);
  if (marked) return 0;
  const last = queries.lastLink();
  let after = last?.position ?? 0;
  let link = last?.link ?? GENESIS_LINK;
  let chained = 0;
  const chainPage = db.transaction(() => {
    const rows = queries.readChain(after, PAGE);
    for (const [position, id, streamName, revision, type, data, metadata] of rows) {
      const next = linkOf(link, { id, streamName, revision, type, data, metadata });
      queries.setChain(position, link, next);
      link = next;
      after = position;
    }
    chained += rows.length;
    return rows.length;
  });
  while (chainPage.immediate() === PAGE);
  db.prepare('INSERT OR IGNORE INTO store_meta (key, value) VALUES (?, ?)').run(CHAINED_FROM_THE_START, new Date().toISOString());
  return chained;
}
