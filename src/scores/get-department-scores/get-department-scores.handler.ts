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
    const employees = await this.projector.readModel(employeesReadModel).find(byDepartment, { sort: { _id: 1 } }); // _id is the employee id
    // each listed employee's month by its key: the work follows the department, not the company, and
    // a month scored under an earlier department still counts where the employee is now
    const scores = this.projector.readModel(scoresReadModel);
    const docs = await Promise.all(employees.map((e) => scores.get(scoreDocumentId(e.employeeId, month))));
    const scoreOf = new Map(docs.flatMap((doc) => (doc ? [[doc.employeeId, doc] as const] : [])));
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
