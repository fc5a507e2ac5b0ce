import { Module } from '@nestjs/common';
import { ComplaintsModule } from '../complaints/complaints.module';
import { ReplayEmployeeRecordController } from './replay-employee-record/replay-employee-record.controller';
import { ReplayEmployeeRecordHandler } from './replay-employee-record/replay-employee-record.handler';

@Module({ imports: [ComplaintsModule], controllers: [ReplayEmployeeRecordController], providers: [ReplayEmployeeRecordHandler] })
export class EmployeeRecordsModule {}
