import type { CommandMetadata } from '../../shared/command-handling/command-metadata';
import type { DispatchTicket } from '../domain/ticket.decider';

export class DispatchTicketCommand {
  constructor(
    readonly data: DispatchTicket['data'],
    readonly metadata: CommandMetadata,
    readonly expectedRevision?: number,
  ) {}
}
