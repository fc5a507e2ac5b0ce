import type { CommandMetadata } from '../shared/command-handling/command-metadata';
import type { WithoutNow } from '../shared/command-handling/without-now';
import type { ComplaintCommand } from './domain/complaint.decider';

/** Any command on a complaint's stream: its receipt (sealed), assignment, resolution, callback, verdict, breach. */
export class ComplaintLifecycleCommand {
  constructor(
    readonly command: WithoutNow<ComplaintCommand>,
    readonly metadata: CommandMetadata,
    readonly expectedRevision?: number,
  ) {}
}
