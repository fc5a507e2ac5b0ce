import type { Clock } from '../shared/clock';
import type { CommandMetadata } from '../shared/command-handling/command-metadata';
import { handleCommand } from '../shared/command-handling/handle-command';
import type { CommandResult } from '../shared/command-handling/handle-command';
import type { Decider } from '../shared/domain/decider';
import type { EventStore } from '../shared/event-store/event-store.port';
import { loadEmployee } from '../employees/load-employee';
import { loadAssessmentContext } from '../rulebook/load-assessment-context';
import type { AssessmentDecisionContext } from './domain/assessment.deciders';

/** The one path for bonuses, ratings and surveys: employee + rulebook + closed periods as context. */
export function handleAssessmentCommand<C extends { now: string; data: { employeeId: string } }, E extends { type: string; data: object }, S>(
  deps: { store: EventStore; clock: Clock; timeZone: string },
  stream: string,
  decider: Decider<C, E, S, AssessmentDecisionContext>,
  command: Omit<C, 'now'>,
  metadata: CommandMetadata,
  occurredAt: (event: E) => string,
  expectedRevision?: number,
): Promise<CommandResult> {
  const { store, clock, timeZone } = deps;
  return handleCommand(store, stream, decider, { ...command, now: clock.now().toISOString() } as C, {
    metadata,
    expectedRevision,
    context: async () => ({ employee: await loadEmployee(store, command.data.employeeId), rulebook: await loadAssessmentContext(store, timeZone) }),
    occurredAt,
    subjects: (event) => [`employee:${command.data.employeeId}`],
  });
}
