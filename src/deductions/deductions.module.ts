import { Module } from '@nestjs/common';
import { ApplyDeductionController } from './apply-deduction/apply-deduction.controller';
import { ApplyDeductionHandler } from './apply-deduction/apply-deduction.handler';
import { ContestDeductionController } from './contest-deduction/contest-deduction.controller';
import { ContestDeductionHandler } from './contest-deduction/contest-deduction.handler';
import { RecordHearingBreachHandler } from './record-hearing-breach/record-hearing-breach.handler';
import { WithdrawDeductionHandler } from './withdraw-deduction/withdraw-deduction.handler';

@Module({
  controllers: [ApplyDeductionController, ContestDeductionController],
  providers: [ApplyDeductionHandler, ContestDeductionHandler, WithdrawDeductionHandler, RecordHearingBreachHandler],
})
export class DeductionsModule {}
