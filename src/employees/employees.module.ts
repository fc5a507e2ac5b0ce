import { Module } from '@nestjs/common';
import { RegisterEmployeeController } from './register-employee/register-employee.controller';
import { RegisterEmployeeHandler } from './register-employee/register-employee.handler';

@Module({ controllers: [RegisterEmployeeController], providers: [RegisterEmployeeHandler] })
export class EmployeesModule {}
