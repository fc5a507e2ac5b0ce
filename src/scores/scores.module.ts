import { Module } from '@nestjs/common';
import { GetDepartmentScoresController } from './get-department-scores/get-department-scores.controller';
import { GetDepartmentScoresHandler } from './get-department-scores/get-department-scores.handler';
import { GetEmployeeScoresController } from './get-employee-scores/get-employee-scores.controller';
import { GetEmployeeScoresHandler } from './get-employee-scores/get-employee-scores.handler';

@Module({
  controllers: [GetEmployeeScoresController, GetDepartmentScoresController],
  providers: [GetEmployeeScoresHandler, GetDepartmentScoresHandler],
})
export class ScoresModule {}
