import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ProjectorService } from '../../../shared/projector/projector.service';
import { periodScoresReadModel } from '../../../../projections/period-scores.projection';
import { round } from '../../../rulebook/domain/scoring';
import { GetDepartmentSummariesQuery } from './get-department-summaries.query';

/** Per department: the staff average (004:180), the grade distribution and who is below the threshold. */
@QueryHandler(GetDepartmentSummariesQuery)
export class GetDepartmentSummariesHandler implements IQueryHandler<GetDepartmentSummariesQuery> {
  constructor(
    private readonly projector: ProjectorService,
  ) {}

  async execute({ period, threshold }: GetDepartmentSummariesQuery) {
    const docs = (await this.projector.readModel(periodScoresReadModel).find({ period })).filter((d) => d.score.rated);
    const departments = [...new Set(docs.map((d) => d.department))].sort().map((department) => {
      const staff = docs.filter((d) => d.department === department);
      const grades: Record<string, number> = {};
      for (const d of staff) grades[d.grade] = (grades[d.grade] ?? 0) + 1;
      const average = round(staff.reduce((s, d) => s + d.normalised, 0) / staff.length, 2);
      const below = staff.filter((d) => d.normalised < threshold).map((d) => ({ employeeId: d.employeeId, normalised: d.normalised }));
      return { department, staff: staff.length, average, belowThreshold: average < threshold, grades, staffBelowThreshold: below };
    });
    return { period, threshold, departments };
  }
}
