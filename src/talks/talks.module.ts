import { Module } from '@nestjs/common';
import { ListTalkObligationsController } from './list-talk-obligations/list-talk-obligations.controller';
import { RecordTalkController } from './talk-obligation/record-talk.controller';
import { TalkObligationHandler } from './talk-obligation/talk-obligation.handler';

@Module({ controllers: [RecordTalkController, ListTalkObligationsController], providers: [TalkObligationHandler] })
export class TalksModule {}
