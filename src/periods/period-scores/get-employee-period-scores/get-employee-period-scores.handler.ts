import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { Filter } from '../../../shared/read-store/read-store.port';
import { ProjectorService } from '../../../shared/projector/projector.service';
import { periodScoresReadModel } from '../../../../projections/period-scores.projection';
import { periodScoreView } from '../period-score.view';
import { GetEmployeePeriodScoresQuery } from './get-employee-period-scores.query';

@QueryHandler(GetEmployeePeriodScoresQuery)
export class GetEmployeePeriodScoresHandler implements IQueryHandler<GetEmployeePeriodScoresQuery> {
  constructor(
    private readonly projector: ProjectorService,
  ) {}

  async execute({ employeeId, period }: GetEmployeePeriodScoresQuery) {
    const filter: Filter = period ? { employeeId, period } : { employeeId };
    const docs = await this.projector.readModel(periodScoresReadModel).find(filter, { sort: { period: 1 } });
    return { employeeId, periods: docs.map(periodScoreView) };
  }
}
