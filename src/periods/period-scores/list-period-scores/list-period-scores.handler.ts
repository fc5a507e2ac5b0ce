import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ProjectorService } from '../../../shared/projector/projector.service';
import { periodScoresReadModel } from '../../../../projections/period-scores.projection';
import { periodScoreView } from '../period-score.view';
import { ListPeriodScoresQuery } from './list-period-scores.query';
import { competitionRanks } from './rank';

/**
 * A period's scores with their rank in the company and in the department (by normalised total),
 * filtered, sorted and paged. Ranks are computed over the whole period in memory: one company's
 * staff per period is small; a per-period ranking document would be the next step if it is not.
 */
@QueryHandler(ListPeriodScoresQuery)
export class ListPeriodScoresHandler implements IQueryHandler<ListPeriodScoresQuery> {
  constructor(
    private readonly projector: ProjectorService,
  ) {}

  async execute({ period, filters, sort, limit, offset }: ListPeriodScoresQuery) {
    const docs = await this.projector.readModel(periodScoresReadModel).find({ period });
    const rated = docs.filter((d) => d.score.rated).sort((a, b) => b.normalised - a.normalised || a.employeeId.localeCompare(b.employeeId));
    const companyRanks = new Map(competitionRanks(rated.map((d) => d.normalised)).map((rank, i) => [rated[i].employeeId, rank]));
    const departmentRanks = new Map<string, number>();
    for (const department of new Set(rated.map((d) => d.department))) {
      const staff = rated.filter((d) => d.department === department);
      competitionRanks(staff.map((d) => d.normalised)).forEach((rank, i) => departmentRanks.set(staff[i].employeeId, rank));
    }
    const rows = rated
      .filter((d) => (!filters.department || d.department === filters.department) && (!filters.position || d.position === filters.position) && (!filters.grade || d.grade === filters.grade))
      .map((d) => ({ companyRank: companyRanks.get(d.employeeId)!, departmentRank: departmentRanks.get(d.employeeId)!, ...periodScoreView(d) }));
    if (sort === 'bottom') rows.reverse();
    if (sort === 'employeeId') rows.sort((a, b) => a.employeeId.localeCompare(b.employeeId));
    const page = rows.slice(offset, offset + limit);
    const next = offset + page.length < rows.length ? offset + page.length : null;
    return { period, total: rows.length, unrated: docs.length - rated.length, nextCursor: next === null ? null : Buffer.from(String(next)).toString('base64url'), scores: page };
  }
}
