import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFoundError } from '../../shared/domain/domain-error';
import { monthsBetween } from '../../shared/http/month';
import { READ_STORE } from '../../shared/read-store/read-store.port';
import type { ReadStore } from '../../shared/read-store/read-store.port';
import { ProjectorService } from '../../shared/projector/projector.service';
import { FULL_SCORE } from '../../../projections/scores.projection';
import type { ScoreDocument } from '../../../projections/scores.projection';
import type { EmployeeDocument } from '../../../projections/employees.projection';
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
    @Inject(READ_STORE) private readonly store: ReadStore,
    private readonly projector: ProjectorService,
  ) {}

  async execute({ employeeId, from, to }: GetEmployeeScoresQuery) {
    const employee = await this.store.get<EmployeeDocument>(this.projector.collection('employees'), employeeId);
    if (!employee) throw new NotFoundError('employee', employeeId);
    const docs = await this.store.find<ScoreDocument>(
      this.projector.collection('scores'),
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
        deductions: Object.entries(doc?.deductions ?? {}).map(([deductionId, d]) => ({ deductionId, ...d })),
      };
    });
    return { employeeId, name: employee.name, department: employee.department, position: employee.position, months };
  }
}
