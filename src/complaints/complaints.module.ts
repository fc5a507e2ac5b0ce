import { Module } from '@nestjs/common';
import { ComplaintLifecycleController } from './complaint-lifecycle/complaint-lifecycle.controller';
import { ComplaintLifecycleHandler } from './complaint-lifecycle/complaint-lifecycle.handler';
import { ReceiveComplaintController } from './receive-complaint/receive-complaint.controller';
import { ReceiveComplaintHandler } from './receive-complaint/receive-complaint.handler';

@Module({ controllers: [ReceiveComplaintController, ComplaintLifecycleController], providers: [ReceiveComplaintHandler, ComplaintLifecycleHandler] })
export class ComplaintsModule {}
