import { Module } from '@nestjs/common';
import { GetDepartmentSummariesController } from './get-department-summaries/get-department-summaries.controller';
import { GetDepartmentSummariesHandler } from './get-department-summaries/get-department-summaries.handler';
import { GetEmployeePeriodScoresController } from './get-employee-period-scores/get-employee-period-scores.controller';
import { GetEmployeePeriodScoresHandler } from './get-employee-period-scores/get-employee-period-scores.handler';
import { ListPeriodScoresController } from './list-period-scores/list-period-scores.controller';
import { ListPeriodScoresHandler } from './list-period-scores/list-period-scores.handler';

@Module({
  // The departments route is declared before the list so `/period-scores/departments` is not taken for a list query.
  controllers: [GetDepartmentSummariesController, ListPeriodScoresController, GetEmployeePeriodScoresController],
  providers: [GetDepartmentSummariesHandler, ListPeriodScoresHandler, GetEmployeePeriodScoresHandler],
})
export class PeriodScoresModule {}
