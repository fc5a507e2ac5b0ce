import type { CommandMetadata } from '../../shared/command-handling/command-metadata';
import type { Complainant, ComplaintReceived } from '../domain/complaint.events';

/** The complaint with the complainant in plain text; the handler seals it, the location and the description before anything is stored. */
export type ReceivedComplaint = Omit<ComplaintReceived['data'], 'complainant' | 'location' | 'description'> & {
  complainant: Complainant;
  subjectId: string;
  location?: string;
  description: string;
};

export class ReceiveComplaintCommand {
  constructor(
    readonly data: ReceivedComplaint,
    readonly metadata: CommandMetadata,
    readonly expectedRevision?: number,
  ) {}
}
