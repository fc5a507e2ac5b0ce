import { ComplaintsModule } from '../complaints/complaints.module';
import { Module } from '@nestjs/common';
import { DispatchTicketController } from './dispatch-ticket/dispatch-ticket.controller';
import { DispatchTicketHandler } from './dispatch-ticket/dispatch-ticket.handler';
import { ResolveTicketController } from './resolve-ticket/resolve-ticket.controller';
import { ResolveTicketHandler } from './resolve-ticket/resolve-ticket.handler';
import { TicketLifecycleController } from './ticket-lifecycle/ticket-lifecycle.controller';
import { TicketLifecycleHandler } from './ticket-lifecycle/ticket-lifecycle.handler';

@Module({
  // ComplainantPrivacy seals the customer's sign-off under their subject key
  imports: [ComplaintsModule],
  controllers: [DispatchTicketController, ResolveTicketController, TicketLifecycleController],
  providers: [DispatchTicketHandler, ResolveTicketHandler, TicketLifecycleHandler],
})
export class TicketsModule {}
