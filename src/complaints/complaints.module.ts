import { Module } from '@nestjs/common';
import { ReceiveComplaintController } from './receive-complaint/receive-complaint.controller';
import { ReceiveComplaintHandler } from './receive-complaint/receive-complaint.handler';

@Module({ controllers: [ReceiveComplaintController], providers: [ReceiveComplaintHandler] })
export class ComplaintsModule {}
