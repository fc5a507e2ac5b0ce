import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFoundError } from '../../shared/domain/domain-error';
import { monthsBetween } from '../../shared/http/month';
import { ProjectorService } from '../../shared/projector/projector.service';
import { scoresReadModel } from '../../../projections/scores.projection';
import { employeesReadModel } from '../../../projections/employees.projection';
import { FULL_SCORE } from '../../../projections/scores.projection';
import { GetEmployeeScoresQuery } from './get-employee-scores.query';

export interface MonthlyScore {
  month: string;
  score: number;
  totalDeducted: number;
  deductions: { deductionId: string; ruleCode: string; points: number; occurredAt: string; status: string }[];
}

@QueryHandler(GetEmployeeScoresQuery)
export class GetEmployeeScoresHandler implements IQueryHandler<GetEmployeeScoresQuery> {
  constructor(
    private readonly projector: ProjectorService,
  ) {}

  async execute({ employeeId, from, to }: GetEmployeeScoresQuery) {
    const employee = await this.projector.readModel(employeesReadModel).get(employeeId);
    if (!employee) throw new NotFoundError('employee', employeeId);
    const docs = await this.projector.readModel(scoresReadModel).find(
      { employeeId, month: { $gte: from, $lte: to } },
      { sort: { month: 1 } },
    );
    const byMonth = new Map(docs.map((doc) => [doc.month, doc]));
    const months: MonthlyScore[] = monthsBetween(from, to).map((month) => {
      const doc = byMonth.get(month);
      return {
        month,
        score: doc?.score ?? FULL_SCORE,
        totalDeducted: doc?.totalDeducted ?? 0,
        deductions: doc?.deductions ?? [],
      };
    });
    return { employeeId, name: employee.name, department: employee.department, position: employee.position, months };
  }
}
