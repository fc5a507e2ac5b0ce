import type { Clock } from '../shared/clock';
import type { CommandMetadata } from '../shared/command-handling/command-metadata';
import { handleCommand } from '../shared/command-handling/handle-command';
import type { CommandResult } from '../shared/command-handling/handle-command';
import type { EventStore } from '../shared/event-store/event-store.port';
import { loadEmployee } from '../employees/load-employee';
import { loadAssessmentContext } from '../rulebook/load-assessment-context';
import { deductionDecider } from './domain/deduction.decider';
import type { DeductionCommand } from './domain/deduction.commands';
import { deductionEventOccurredAt, deductionEventSubjects, deductionStream } from './deduction-stream';

type WithoutNow<C> = C extends unknown ? Omit<C, 'now'> : never;

/** Runs a command on a deduction's stream: the one path shared by apply, contest and hearing. */
export function handleDeductionCommand(
  store: EventStore,
  clock: Clock,
  command: WithoutNow<DeductionCommand>,
  metadata: CommandMetadata,
  expectedRevision?: number,
  /** Company time zone: needed to apply a deduction under the rulebook (its period). */
  timeZone?: string,
): Promise<CommandResult> {
  const employeeId = command.type === 'ApplyDeduction' ? command.data.employeeId : undefined;
  return handleCommand(
    store,
    deductionStream(command.data.deductionId),
    deductionDecider,
    { ...command, now: clock.now().toISOString() } as DeductionCommand,
    {
      metadata,
      expectedRevision,
      context: async () => ({
        employee: employeeId ? await loadEmployee(store, employeeId) : { status: 'unknown' as const },
        rulebook: employeeId && timeZone ? await loadAssessmentContext(store, timeZone) : undefined,
      }),
      occurredAt: deductionEventOccurredAt,
      subjects: deductionEventSubjects,
    },
  );
}
