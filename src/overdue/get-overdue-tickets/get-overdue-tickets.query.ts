import type { ClockKind } from '../../../projections/overdue.projection';

export class GetOverdueTicketsQuery {
  constructor(
    readonly asOf: string,
    readonly filter: { department?: string; assigneeId?: string; clock?: ClockKind },
    readonly limit: number,
    readonly offset: number,
    /** Set: the clocks due within this many minutes after asOf, instead of the overdue ones. */
    readonly dueWithinMinutes?: number,
    readonly sort: 'mostLate' | 'leastLate' = 'mostLate',
  ) {}
}
