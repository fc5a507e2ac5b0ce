import { Module } from '@nestjs/common';
import { GetAuditTrailController } from './get-audit-trail/get-audit-trail.controller';
import { GetAuditTrailHandler } from './get-audit-trail/get-audit-trail.handler';

@Module({ controllers: [GetAuditTrailController], providers: [GetAuditTrailHandler] })
export class AuditTrailModule {}
