import type { CommandMetadata } from '../../shared/command-handling/command-metadata';
import type { ComplaintReceived } from '../domain/complaint.events';

export class ReceiveComplaintCommand {
  constructor(
    readonly data: ComplaintReceived['data'],
    readonly metadata: CommandMetadata,
    readonly expectedRevision?: number,
  ) {}
}
