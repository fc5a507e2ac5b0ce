import { Module } from '@nestjs/common';
import { EmployeeDirectoryController } from './employee-directory.controller';

/** Who works where and who supervises them: the directory read model behind the permission matrix. */
@Module({ controllers: [EmployeeDirectoryController] })
export class StaffDirectoryModule {}
