import type { Filter } from '../../shared/read-store/read-store.port';
import type { GetOverdueTicketsQuery } from './get-overdue-tickets.query';

/** Aging buckets of lateness: the upper bound of each, in minutes. */
export const AGING_BUCKETS = [
  { bucket: 'under 1 hour', maxMinutes: 60 },
  { bucket: '1-4 hours', maxMinutes: 240 },
  { bucket: '4-24 hours', maxMinutes: 1440 },
  { bucket: '1-3 days', maxMinutes: 4320 },
  { bucket: 'over 3 days', maxMinutes: Number.POSITIVE_INFINITY },
] as const;

export function agingBucket(minutesLate: number): string {
  return AGING_BUCKETS.find((b) => minutesLate < b.maxMinutes)!.bucket;
}

/**
 * Clocks running at `asOf` (started at or before it, not stopped by it) whose deadline had passed,
 * or, with a window, whose deadline falls within it. `lateBy` bounds the lateness (an aging bucket).
 * It tests the clocks' instants as epoch milliseconds (the board's indexes hold those).
 */
export function overdueFilter(query: GetOverdueTicketsQuery, lateBy?: { from: number; to: number }): Filter {
  const { filter, dueWithinMinutes } = query;
  const asOf = Date.parse(query.asOf);
  const minus = (minutes: number) => asOf - minutes * 60_000;
  const due =
    dueWithinMinutes !== undefined
      ? { $gte: asOf, $lt: asOf + dueWithinMinutes * 60_000 }
      : lateBy
        ? { $lte: minus(lateBy.from), ...(Number.isFinite(lateBy.to) ? { $gt: minus(lateBy.to) } : {}), $lt: asOf }
        : { $lt: asOf };
  const where: Filter = { startedAtMs: { $lte: asOf }, stoppedAtMs: { $gt: asOf }, dueAtMs: due };
  if (filter.department) where.department = filter.department;
  if (filter.assigneeId) where.assigneeId = filter.assigneeId;
  if (filter.clock) where.clock = filter.clock;
  return where;
}

/**
 * Ticket clocks paused at `asOf` (waiting for the customer or parts): not running, so never overdue,
 * listed apart on the board. Only a clock still paused carries `pausedAt`.
 */
export function pausedFilter(query: GetOverdueTicketsQuery): Filter {
  const where: Filter = { pausedAt: { $lte: query.asOf } };
  if (query.filter.department) where.department = query.filter.department;
  if (query.filter.assigneeId) where.assigneeId = query.filter.assigneeId;
  if (query.filter.clock) where.clock = query.filter.clock;
  return where;
}
