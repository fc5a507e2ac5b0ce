import { Module } from '@nestjs/common';
import { ApplyDeductionController } from './apply-deduction/apply-deduction.controller';
import { ApplyDeductionHandler } from './apply-deduction/apply-deduction.handler';
import { ContestDeductionController } from './contest-deduction/contest-deduction.controller';
import { ContestDeductionHandler } from './contest-deduction/contest-deduction.handler';
import { RecordHearingController } from './record-hearing/record-hearing.controller';
import { RecordHearingHandler } from './record-hearing/record-hearing.handler';
import { RecordHearingBreachHandler } from './record-hearing-breach/record-hearing-breach.handler';
import { WithdrawDeductionHandler } from './withdraw-deduction/withdraw-deduction.handler';

/** Deductions and everything that decides them: applied, contested, heard by a panel, withdrawn. */
@Module({
  controllers: [ApplyDeductionController, ContestDeductionController, RecordHearingController],
  providers: [ApplyDeductionHandler, ContestDeductionHandler, RecordHearingHandler, WithdrawDeductionHandler, RecordHearingBreachHandler],
})
export class DeductionsModule {}
