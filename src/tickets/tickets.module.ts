import { Module } from '@nestjs/common';
import { DispatchTicketController } from './dispatch-ticket/dispatch-ticket.controller';
import { DispatchTicketHandler } from './dispatch-ticket/dispatch-ticket.handler';
import { ResolveTicketController } from './resolve-ticket/resolve-ticket.controller';
import { ResolveTicketHandler } from './resolve-ticket/resolve-ticket.handler';

@Module({
  controllers: [DispatchTicketController, ResolveTicketController],
  providers: [DispatchTicketHandler, ResolveTicketHandler],
})
export class TicketsModule {}
