import { Module } from '@nestjs/common';
import { GetOverdueTicketsController } from './get-overdue-tickets/get-overdue-tickets.controller';
import { GetOverdueTicketsHandler } from './get-overdue-tickets/get-overdue-tickets.handler';

@Module({ controllers: [GetOverdueTicketsController], providers: [GetOverdueTicketsHandler] })
export class OverdueModule {}
