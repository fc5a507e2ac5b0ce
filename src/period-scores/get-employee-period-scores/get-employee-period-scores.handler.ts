import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { READ_STORE } from '../../shared/read-store/read-store.port';
import type { Filter, ReadStore } from '../../shared/read-store/read-store.port';
import { ProjectorService } from '../../shared/projector/projector.service';
import type { PeriodScoreDocument } from '../../../projections/period-scores.projection';
import { periodScoreView } from '../period-score.view';
import { GetEmployeePeriodScoresQuery } from './get-employee-period-scores.query';

@QueryHandler(GetEmployeePeriodScoresQuery)
export class GetEmployeePeriodScoresHandler implements IQueryHandler<GetEmployeePeriodScoresQuery> {
  constructor(
    @Inject(READ_STORE) private readonly store: ReadStore,
    private readonly projector: ProjectorService,
  ) {}

  async execute({ employeeId, period }: GetEmployeePeriodScoresQuery) {
    const filter: Filter = period ? { employeeId, period } : { employeeId };
    const docs = await this.store.find<PeriodScoreDocument>(this.projector.collection('period-scores'), filter, { sort: { period: 1 } });
    return { employeeId, periods: docs.map(periodScoreView) };
  }
}
