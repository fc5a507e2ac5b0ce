import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFoundError } from '../../shared/domain/domain-error';
import { READ_STORE } from '../../shared/read-store/read-store.port';
import type { Document, ReadStore } from '../../shared/read-store/read-store.port';
import { ProjectorService } from '../../shared/projector/projector.service';
import { GetAuditTrailQuery } from './get-audit-trail.query';

/** Every event that concerns the employee, in the order the store recorded them. */
@QueryHandler(GetAuditTrailQuery)
export class GetAuditTrailHandler implements IQueryHandler<GetAuditTrailQuery> {
  constructor(
    @Inject(READ_STORE) private readonly store: ReadStore,
    private readonly projector: ProjectorService,
  ) {}

  async execute({ employeeId, afterPosition, limit }: GetAuditTrailQuery) {
    const employee = await this.store.get(this.projector.collection('employees'), employeeId);
    if (!employee) throw new NotFoundError('employee', employeeId);
    const docs = await this.store.find<Document>(
      this.projector.collection('audit-trail'),
      { employeeId, position: { $gt: afterPosition } },
      { sort: { position: 1 }, limit },
    );
    const entries = docs.map(({ _id, _position, ...entry }) => entry);
    const last = entries.length === limit ? (entries[entries.length - 1].position as number) : null;
    return { employeeId, entries, nextAfterPosition: last };
  }
}
