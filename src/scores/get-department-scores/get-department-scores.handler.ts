import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { Filter } from '../../shared/read-store/read-store.port';
import { ProjectorService } from '../../shared/projector/projector.service';
import { scoresReadModel } from '../../../projections/scores.projection';
import { employeesReadModel } from '../../../projections/employees.projection';
import { FULL_SCORE, scoreDocumentId } from '../../../projections/scores.projection';
import { GetDepartmentScoresQuery } from './get-department-scores.query';

/**
 * Scores of every registered employee (of one department, if given) for a month, ranked from the
 * highest score down, with the average. Employees with no deduction that month score 100.
 */
@QueryHandler(GetDepartmentScoresQuery)
export class GetDepartmentScoresHandler implements IQueryHandler<GetDepartmentScoresQuery> {
  constructor(
    private readonly projector: ProjectorService,
  ) {}

  async execute({ month, department, limit, offset }: GetDepartmentScoresQuery) {
    const byDepartment: Filter = department === undefined ? {} : { department };
    // columns only, no document parsed: the staff and their month (index month, department, …)
    const employees = (await this.projector.readModel(employeesReadModel).find(byDepartment, { sort: { _id: 1 }, fields: ['name', 'department', 'position'] })).map(
      ({ _id, name, department: of, position }) => ({ employeeId: _id, name, department: of, position }),
    );
    const scores = this.projector.readModel(scoresReadModel);
    const months = await scores.find({ month, ...byDepartment }, { fields: ['employeeId', 'score', 'totalDeducted'] });
    const scoreOf = new Map<string, { score: number; totalDeducted: number }>(months.map((doc) => [doc.employeeId, doc]));
    // a month scored while the employee was in another department is read by its key
    for (const e of employees.filter((candidate) => !scoreOf.has(candidate.employeeId))) {
      const doc = await scores.get(scoreDocumentId(e.employeeId, month));
      if (doc) scoreOf.set(e.employeeId, doc);
    }
    const ranked = employees
      .map((e) => ({
        employeeId: e.employeeId,
        name: e.name,
        department: e.department,
        position: e.position,
        score: scoreOf.get(e.employeeId)?.score ?? FULL_SCORE,
        totalDeducted: scoreOf.get(e.employeeId)?.totalDeducted ?? 0,
      }))
      .sort((a, b) => b.score - a.score || a.employeeId.localeCompare(b.employeeId));
    const ranks = competitionRanks(ranked.map((e) => e.score));
    const average = ranked.length === 0 ? null : round2(ranked.reduce((sum, e) => sum + e.score, 0) / ranked.length);
    return { month, department: department ?? null, employees: ranked.length, average, scores: ranked.slice(offset, offset + limit).map((e, i) => ({ rank: ranks[offset + i], ...e })) };
  }
}

/** Ranks of scores sorted from the highest down; equal scores share a rank (1, 2, 2, 4). */
function competitionRanks(sortedScores: number[]): number[] {
  return sortedScores.reduce<number[]>((ranks, score, i) => {
    ranks.push(i > 0 && score === sortedScores[i - 1] ? ranks[i - 1] : i + 1);
    return ranks;
  }, []);
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
