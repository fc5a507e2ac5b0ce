import { Module } from '@nestjs/common';
import { ReplayEmployeeRecordController } from './replay-employee-record/replay-employee-record.controller';
import { ReplayEmployeeRecordHandler } from './replay-employee-record/replay-employee-record.handler';

@Module({ controllers: [ReplayEmployeeRecordController], providers: [ReplayEmployeeRecordHandler] })
export class EmployeeRecordsModule {}
