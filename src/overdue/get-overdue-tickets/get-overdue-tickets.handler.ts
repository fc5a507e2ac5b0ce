import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ProjectorService } from '../../shared/projector/projector.service';
import { overdueReadModel } from '../../../projections/overdue.projection';
import { GetOverdueTicketsQuery } from './get-overdue-tickets.query';
import { AGING_BUCKETS, agingBucket, overdueFilter, pausedFilter } from './overdue-filter';

/** Service clocks overdue (or due soon) at `asOf`, with who is responsible and how late. */
@QueryHandler(GetOverdueTicketsQuery)
export class GetOverdueTicketsHandler implements IQueryHandler<GetOverdueTicketsQuery> {
  constructor(
    private readonly projector: ProjectorService,
  ) {}

  async execute(query: GetOverdueTicketsQuery) {
    const clocks = this.projector.readModel(overdueReadModel);
    const where = overdueFilter(query);
    const order = query.sort === 'leastLate' ? -1 : 1;
    const docs = await clocks.find(where, { sort: { dueAtMs: order, _id: 1 }, skip: query.offset, limit: query.limit });
    const asOfMs = Date.parse(query.asOf);
    const items = docs.map(({ _id, _position, stoppedAt, startedAtMs, dueAtMs, stoppedAtMs, ...clock }) => {
      const minutesLate = Math.floor((asOfMs - dueAtMs) / 60000);
      return query.dueWithinMinutes === undefined
        ? { id: _id, ...clock, overdueMinutes: minutesLate, aging: agingBucket(minutesLate) }
        : { id: _id, ...clock, dueInMinutes: -minutesLate };
    });
    const aging =
      query.dueWithinMinutes === undefined
        ? await Promise.all(
            AGING_BUCKETS.map(async (b, i) => ({
              bucket: b.bucket,
              count: await clocks.count(overdueFilter(query, { from: i === 0 ? 0 : AGING_BUCKETS[i - 1].maxMinutes, to: b.maxMinutes })),
            })),
          )
        : undefined;
    // the aging buckets split the overdue clocks between them: their sum is the total, counted once
    const total = aging ? aging.reduce((sum, bucket) => sum + bucket.count, 0) : await clocks.count(where);
    const paused = (await clocks.find(pausedFilter(query), { sort: { dueAt: 1, _id: 1 }, limit: query.limit })).map(
      ({ _id, _position, stoppedAt, startedAtMs, dueAtMs, stoppedAtMs, ...clock }) => ({ id: _id, ...clock, status: 'paused' as const }),
    );
    return { asOf: query.asOf, total, ...(aging ? { aging } : {}), items, paused };
  }
}
