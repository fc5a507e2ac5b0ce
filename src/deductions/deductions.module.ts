import { Module } from '@nestjs/common';
import { ApplyDeductionController } from './apply-deduction/apply-deduction.controller';
import { ContestDeductionController } from './contest-deduction/contest-deduction.controller';
import { DeductionLifecycleHandler } from './deduction-lifecycle.handler';
import { RecordHearingController } from './record-hearing/record-hearing.controller';

/** Deductions and everything that decides them: applied, contested, heard by a panel, withdrawn. */
@Module({
  controllers: [ApplyDeductionController, ContestDeductionController, RecordHearingController],
  providers: [DeductionLifecycleHandler],
})
export class DeductionsModule {}
