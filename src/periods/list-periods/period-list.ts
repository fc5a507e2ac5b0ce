import { periodBounds } from '../domain/calendar/period';
import type { PeriodEvent } from '../domain/period.events';
import type { SignedCheckpoint } from '../../integrity/domain/checkpoint';

export interface PeriodView {
  period: string;
  state: 'open' | 'closed';
  /** The period's bounds in the company's time zone, as instants. */
  start: string;
  end: string;
  openedAt: string;
  closedAt: string | null;
  /** At the close: how many scores were sealed, and who had no rating. */
  sealedScores: number | null;
  unratedEmployees: number | null;
  /** The event log's chain head signed at the close (docs/integrity.md), when the store keeps the chain. */
  checkpoint: SignedCheckpoint | null;
}

/** The company's periods folded from the periods stream, in calendar order (longer first where two begin together). */
export function periodList(events: readonly PeriodEvent[], timeZone: string): PeriodView[] {
  const views = new Map<string, PeriodView>();
  for (const event of events) {
    if (event.type === 'PeriodOpened') {
      const { period, openedAt } = event.data;
      views.set(period, { period, state: 'open', ...periodBounds(period, timeZone), openedAt, closedAt: null, sealedScores: null, unratedEmployees: null, checkpoint: null });
    }
    const opened = event.type === 'PeriodClosed' ? views.get(event.data.period) : undefined;
    if (opened && event.type === 'PeriodClosed') {
      views.set(opened.period, { ...opened, state: 'closed', closedAt: event.data.closedAt, sealedScores: event.data.sealedScores, unratedEmployees: event.data.unratedEmployeeIds.length, checkpoint: event.data.checkpoint ?? null });
    }
  }
  return [...views.values()].sort((a, b) => a.start.localeCompare(b.start) || b.end.localeCompare(a.end));
}
