import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { READ_STORE } from '../../shared/read-store/read-store.port';
import type { Filter, ReadStore } from '../../shared/read-store/read-store.port';
import { ProjectorService } from '../../shared/projector/projector.service';
import { GetOverdueTicketsQuery } from './get-overdue-tickets.query';

type OpenTicketDocument = {
  _id: string;
  ticketId: string;
  assigneeId: string;
  department: string;
  kind: string;
  complaintId?: string;
  dispatchedAt: string;
  resolveBy: string;
};

/** Open tickets whose resolve-by deadline had passed at `asOf`, the longest overdue first. */
@QueryHandler(GetOverdueTicketsQuery)
export class GetOverdueTicketsHandler implements IQueryHandler<GetOverdueTicketsQuery> {
  constructor(
    @Inject(READ_STORE) private readonly store: ReadStore,
    private readonly projector: ProjectorService,
  ) {}

  async execute({ asOf, filter, limit, offset }: GetOverdueTicketsQuery) {
    const where: Filter = { resolveBy: { $lt: asOf } };
    if (filter.department) where.department = filter.department;
    if (filter.assigneeId) where.assigneeId = filter.assigneeId;
    const collection = this.projector.collection('overdue');
    const [total, docs] = await Promise.all([
      this.store.count(collection, where),
      this.store.find<OpenTicketDocument>(collection, where, { sort: { resolveBy: 1, ticketId: 1 }, skip: offset, limit }),
    ]);
    const asOfMs = Date.parse(asOf);
    const tickets = docs.map(({ _id, _position, ...ticket }: OpenTicketDocument & { _position?: number }) => ({
      ...ticket,
      overdueMinutes: Math.floor((asOfMs - Date.parse(ticket.resolveBy)) / 60000),
    }));
    return { asOf, total, tickets };
  }
}
