import { Module } from '@nestjs/common';
import { ComplaintsModule } from '../complaints/complaints.module';
import { DispatchTicketController } from './dispatch-ticket/dispatch-ticket.controller';
import { ResolveTicketController } from './resolve-ticket/resolve-ticket.controller';
import { TicketLifecycleController } from './ticket-lifecycle/ticket-lifecycle.controller';
import { TicketLifecycleHandler } from './ticket-lifecycle.handler';

@Module({
  // ComplainantPrivacy seals the customer's sign-off under their subject key
  imports: [ComplaintsModule],
  controllers: [DispatchTicketController, ResolveTicketController, TicketLifecycleController],
  providers: [TicketLifecycleHandler],
})
export class TicketsModule {}
