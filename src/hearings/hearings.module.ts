import { Module } from '@nestjs/common';
import { RecordHearingController } from './record-hearing/record-hearing.controller';
import { RecordHearingHandler } from './record-hearing/record-hearing.handler';

@Module({ controllers: [RecordHearingController], providers: [RecordHearingHandler] })
export class HearingsModule {}
