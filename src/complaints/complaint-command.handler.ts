import type { Clock } from '../shared/clock';
import type { CommandMetadata } from '../shared/command-handling/command-metadata';
import { handleCommand } from '../shared/command-handling/handle-command';
import type { CommandResult } from '../shared/command-handling/handle-command';
import type { WithoutNow } from '../shared/command-handling/without-now';
import type { EventStore } from '../shared/event-store/event-store.port';
import { loadEmployee } from '../employees/load-employee';
import type { ServiceLevelsService } from '../service-levels/service-levels.service';
import { complaintDecider } from './domain/complaint.decider';
import type { ComplaintCommand, ComplaintContext } from './domain/complaint.decider';
import { complaintEventOccurredAt, complaintEventSubjects, complaintStream } from './complaint-stream';

/** Runs any command on a complaint's stream, with the calendar and service levels in force. */
export function handleComplaintCommand(
  deps: { store: EventStore; clock: Clock; serviceLevels: ServiceLevelsService },
  command: WithoutNow<ComplaintCommand>,
  metadata: CommandMetadata,
  expectedRevision?: number,
): Promise<CommandResult> {
  const { store, clock, serviceLevels } = deps;
  const context = async (): Promise<ComplaintContext> => {
    const { calendar, settings } = await serviceLevels.inForce();
    const assignee = command.type === 'AssignComplaint' ? await loadEmployee(store, command.data.assigneeId) : undefined;
    return { calendar, serviceLevels: settings.complaint, ...(assignee ? { assignee } : {}) };
  };
  return handleCommand(
    store,
    complaintStream(command.data.complaintId),
    complaintDecider,
    { ...command, now: clock.now().toISOString() } as ComplaintCommand,
    { metadata, expectedRevision, context, occurredAt: complaintEventOccurredAt, subjects: complaintEventSubjects },
  );
}
