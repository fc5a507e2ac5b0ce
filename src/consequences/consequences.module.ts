import { Module } from '@nestjs/common';
import { ApplyConsequenceHandler } from './apply-consequence/apply-consequence.handler';
import { WithdrawConsequenceHandler } from './withdraw-consequence/withdraw-consequence.handler';

/** What facts cost under the rulebook: the commands the sagas issue for breaches, verdicts and missed talks. */
@Module({ providers: [ApplyConsequenceHandler, WithdrawConsequenceHandler] })
export class ConsequencesModule {}
