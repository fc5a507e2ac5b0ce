import type { CommandMetadata } from '../../shared/command-handling/command-metadata';
import type { ResolveTicket } from '../domain/ticket.decider';

export class ResolveTicketCommand {
  constructor(
    readonly data: ResolveTicket['data'],
    readonly metadata: CommandMetadata,
    readonly expectedRevision?: number,
  ) {}
}
