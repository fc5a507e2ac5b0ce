import type { CommandMetadata } from '../shared/command-handling/command-metadata';
import type { WithoutNow } from '../shared/command-handling/without-now';
import type { TicketCommand } from './domain/ticket.decider';

/** Any step of a ticket after its dispatch other than the resolution. */
export class TicketLifecycleCommand {
  constructor(
    readonly command: WithoutNow<TicketCommand>,
    readonly metadata: CommandMetadata,
    readonly expectedRevision?: number,
  ) {}
}
