import type { Clock } from '../shared/clock';
import type { CommandMetadata } from '../shared/command-handling/command-metadata';
import { handleCommand } from '../shared/command-handling/handle-command';
import type { CommandResult } from '../shared/command-handling/handle-command';
import type { EventStore } from '../shared/event-store/event-store.port';
import { assertNever } from '../shared/domain/domain-error';
import { DEFAULT_COMPANY } from '../rulebook/domain/rulebook.types';
import { periodDecider } from './domain/period.decider';
import type { PeriodCommand, PeriodContext } from './domain/period.decider';
import type { PeriodEvent } from './domain/period.events';
import { periodsStream } from './load-periods';

type WithoutNow<C> = C extends unknown ? Omit<C, 'now'> : never;

/** Opening and closing run on the company's `periods-<companyId>` stream. */
export function handlePeriodCommand(store: EventStore, clock: Clock, command: WithoutNow<PeriodCommand>, metadata: CommandMetadata, context: () => Promise<PeriodContext>): Promise<CommandResult> {
  return handleCommand(store, periodsStream(DEFAULT_COMPANY), periodDecider, { ...command, now: clock.now().toISOString() } as PeriodCommand, {
    metadata,
    context,
    occurredAt: occurredAtOf,
    subjects: (event) => {
      const subjects = [`period:${event.data.period}`];
      if (event.type === 'PeriodScoreSealed' || event.type === 'RollUpPenaltyApplied') subjects.push(`employee:${event.data.employeeId}`);
      return subjects;
    },
  });
}

function occurredAtOf(event: PeriodEvent): string {
  switch (event.type) {
    case 'PeriodOpened':
      return event.data.openedAt;
    case 'PeriodClosed':
    case 'PeriodScoreSealed':
    case 'RollUpPenaltyApplied':
      return event.data.closedAt;
    default:
      return assertNever(event);
  }
}
