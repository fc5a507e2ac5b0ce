import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFoundError } from '../../shared/domain/domain-error';
import { ProjectorService } from '../../shared/projector/projector.service';
import { auditTrailReadModel } from '../../../projections/audit-trail.projection';
import { employeesReadModel } from '../../../projections/employees.projection';
import { GetAuditTrailQuery } from './get-audit-trail.query';

/** Every event that concerns the employee, in the order the store recorded them. */
@QueryHandler(GetAuditTrailQuery)
export class GetAuditTrailHandler implements IQueryHandler<GetAuditTrailQuery> {
  constructor(
    private readonly projector: ProjectorService,
  ) {}

  async execute({ employeeId, afterPosition, limit }: GetAuditTrailQuery) {
    const employee = await this.projector.readModel(employeesReadModel).get(employeeId);
    if (!employee) throw new NotFoundError('employee', employeeId);
    const docs = await this.projector.readModel(auditTrailReadModel).find(
      { employeeId, position: { $gt: afterPosition } },
      { sort: { position: 1 }, limit },
    );
    const entries = docs.map(({ _id, _position, ...entry }) => entry);
    const last = entries.length === limit ? (entries[entries.length - 1].position as number) : null;
    return { employeeId, entries, nextAfterPosition: last };
  }
}
