import { periodSubject, employeeSubject } from '../shared/domain/subjects';
import type { Clock } from '../shared/clock';
import { AggregateCommandHandler } from '../shared/command-handling/aggregate-command.handler';
import type { AggregateStream } from '../shared/command-handling/aggregate-stream';
import type { EventStore } from '../shared/event-store/event-store.port';
import type { WithoutNow } from '../shared/command-handling/without-now';
import { loadEmployee } from '../employees/load-employee';
import type { AssessmentContextSource } from '../rulebook/assessment-context.port';
import type { AssessmentDecisionContext } from './domain/assessment.deciders';

/**
 * What bonuses, ratings and surveys share: each is a stream of one fact about one employee, decided
 * with the employee as registered, the rulebook in force and the closed periods.
 */
export abstract class AssessmentCommandHandler<Command extends { type: string; now: string; data: { employeeId: string } }, Event extends { type: string; data: object }, State> extends AggregateCommandHandler<
  Command,
  Event,
  State,
  AssessmentDecisionContext
> {
  constructor(
    store: EventStore,
    clock: Clock,
    private readonly assessment: AssessmentContextSource,
    stream: Omit<AggregateStream<Command, Event, State, AssessmentDecisionContext>, 'subjects'>,
  ) {
    super(store, clock, { ...stream, subjects: assessmentEventSubjects });
  }

  protected override async context(command: WithoutNow<Command>): Promise<AssessmentDecisionContext> {
    const [employee, rulebook] = await Promise.all([loadEmployee(this.store, command.data.employeeId), this.assessment.load()]);
    return { employee, rulebook };
  }
}

/** The employee, and the period the fact counts in (ratings name it; bonuses and surveys carry it in their assessment). */
export function assessmentEventSubjects(event: { type: string; data: unknown }): string[] {
  const data = event.data as { employeeId: string; period?: string; assessment?: { period: string } };
  const period = event.type === 'RatingsRecorded' ? data.period : data.assessment?.period;
  return [employeeSubject(data.employeeId), ...(period ? [periodSubject(period)] : [])];
}
