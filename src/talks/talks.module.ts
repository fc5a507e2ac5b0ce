import { Module } from '@nestjs/common';
import { RecordTalkController } from './talk-obligation/record-talk.controller';
import { TalkObligationHandler } from './talk-obligation/talk-obligation.handler';

@Module({ controllers: [RecordTalkController], providers: [TalkObligationHandler] })
export class TalksModule {}
