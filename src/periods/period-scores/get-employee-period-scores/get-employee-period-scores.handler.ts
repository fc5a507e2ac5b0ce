import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { loadEmployee } from '../../../employees/load-employee';
import { DEFAULT_COMPANY } from '../../../rulebook/domain/rulebook.types';
import { loadRulebook } from '../../../rulebook/load-rulebook';
import { APP_CONFIG } from '../../../shared/config/app-config';
import type { AppConfig } from '../../../shared/config/app-config';
import { EVENT_STORE } from '../../../shared/event-store/event-store.port';
import type { EventStore } from '../../../shared/event-store/event-store.port';
import { ProjectorService } from '../../../shared/projector/projector.service';
import { periodScoresReadModel } from '../../../../projections/period-scores.projection';
import { loadPeriods } from '../../load-periods';
import { periodScoreView } from '../period-score.view';
import { GetEmployeePeriodScoresQuery } from './get-employee-period-scores.query';
import { untouchedOpenPeriods } from './untouched-periods';

/** An employee's periods: those with facts from the read model, and the open ones without any at full marks. */
@QueryHandler(GetEmployeePeriodScoresQuery)
export class GetEmployeePeriodScoresHandler implements IQueryHandler<GetEmployeePeriodScoresQuery> {
  constructor(
    private readonly projector: ProjectorService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute({ employeeId, period }: GetEmployeePeriodScoresQuery) {
    const [docs, employee, periods, { versions }] = await Promise.all([
      this.projector.readModel(periodScoresReadModel).find(period ? { employeeId, period } : { employeeId }),
      loadEmployee(this.store, employeeId),
      loadPeriods(this.store, DEFAULT_COMPANY),
      loadRulebook(this.store, DEFAULT_COMPANY),
    ]);
    const open = Object.entries(periods.periods).filter(([p, state]) => state === 'open' && (!period || p === period)).map(([p]) => p);
    const untouched = untouchedOpenPeriods(employee, open, new Set(docs.map((d) => d.period)), versions, this.config.timeZone).map((record) => ({
      _id: `${record.employeeId}:${record.period}`,
      _position: 0,
      ...record,
      normalised: record.score.normalised,
      grade: record.score.grade,
      veto: record.score.veto,
      corrected: false,
    }));
    const views = [...docs, ...untouched].map(periodScoreView).sort((a, b) => a.period.localeCompare(b.period));
    return { employeeId, periods: views };
  }
}
