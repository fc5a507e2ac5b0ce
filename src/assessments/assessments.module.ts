import { Module } from '@nestjs/common';
import { AwardBonusController } from './award-bonus/award-bonus.controller';
import { AwardBonusHandler } from './award-bonus/award-bonus.handler';
import { RecordRatingsController } from './record-ratings/record-ratings.controller';
import { RecordRatingsHandler } from './record-ratings/record-ratings.handler';
import { RecordSurveyResultController } from './record-survey-result/record-survey-result.controller';
import { RecordSurveyResultHandler } from './record-survey-result/record-survey-result.handler';

@Module({
  controllers: [AwardBonusController, RecordRatingsController, RecordSurveyResultController],
  providers: [AwardBonusHandler, RecordRatingsHandler, RecordSurveyResultHandler],
})
export class AssessmentsModule {}
