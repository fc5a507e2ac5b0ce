import { Module } from '@nestjs/common';
import { EmployeeDirectoryController } from './read-employees/employee-directory.controller';
import { RegisterEmployeeController } from './register-employee/register-employee.controller';
import { RegisterEmployeeHandler } from './register-employee/register-employee.handler';

@Module({ controllers: [RegisterEmployeeController, EmployeeDirectoryController], providers: [RegisterEmployeeHandler] })
export class EmployeesModule {}
