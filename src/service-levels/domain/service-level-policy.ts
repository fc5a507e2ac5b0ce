import { addElapsedMinutes, addWorkingDays, addWorkingTime, sameDayDeadline, workingMinutesBetween, workingMinutesPerDay } from './working-calendar';
import type { WorkingCalendar } from './working-calendar';

/** The milestones a clock runs for. */
export const ticketMilestones = ['acknowledgement', 'arrival', 'resolution'] as const;
export type TicketMilestone = (typeof ticketMilestones)[number];
export const complaintMilestones = ['handling', 'callback'] as const;
export type ComplaintMilestone = (typeof complaintMilestones)[number];

/** A rule of the catalogue and the points it cost, as events stored before the rulebook priced consequences carry it. */
export interface DeductionRule {
  ruleCode: string;
  points: number;
}

/**
 * A time limit. `minutes`/`hours`/`days` count either elapsed time (24-hour service) or working
 * time (business hours of working days); `workingDays` in working time is N × the business day
 * (2 working days of 09:00-18:00 = 18 working hours); `sameDay` is 事不过夜.
 */
export interface Target {
  amount: number;
  unit: 'minutes' | 'hours' | 'days' | 'workingDays' | 'sameDay';
  counting: 'elapsed' | 'workingTime';
}

/** A deadline fixed when its clock starts: stored in the event, so a replay never recomputes it. */
export interface Deadline {
  dueAt: string;
  /** Only in events stored before the rulebook priced breaches: the rule the settings named then. */
  rule?: DeductionRule;
}

export interface TicketServiceLevelPolicy {
  policyId: string;
  kind: string;
  /** Omitted: any priority of the kind. */
  priority?: string;
  targets: Partial<Record<TicketMilestone, Target>>;
  /** Whether the clocks stop while the ticket waits for the customer. */
  pausesWhileWaitingForCustomer: boolean;
  /** Whether the clocks stop while the ticket waits for parts; absent: as for the customer. */
  pausesWhileWaitingForParts?: boolean;
  /** `keep`: a reassigned ticket keeps its deadlines; `restart`: pending clocks start again. */
  onReassignment: 'keep' | 'restart';
}

export interface ServiceLevelSettings {
  ticketPolicies: TicketServiceLevelPolicy[];
  complaint: {
    targets: Record<ComplaintMilestone, Target>;
  };
  /** After a penalty the supervisor talks with the employee within the target (001:1239). */
  talk: { target: Target };
}

export function computeDeadline(start: string, target: Target, calendar: WorkingCalendar): string {
  const working = target.counting === 'workingTime';
  switch (target.unit) {
    case 'minutes':
      return working ? addWorkingTime(start, target.amount, calendar) : addElapsedMinutes(start, target.amount);
    case 'hours':
      return working ? addWorkingTime(start, target.amount * 60, calendar) : addElapsedMinutes(start, target.amount * 60);
    case 'days':
      return working ? addWorkingTime(start, target.amount * workingMinutesPerDay(calendar), calendar) : addElapsedMinutes(start, target.amount * 24 * 60);
    case 'workingDays':
      return working ? addWorkingTime(start, target.amount * workingMinutesPerDay(calendar), calendar) : addWorkingDays(start, target.amount, calendar);
    case 'sameDay':
      return sameDayDeadline(start, calendar, working ? 'businessHours' : '24h');
  }
}

/** The most specific policy for a ticket: kind and priority, then the kind alone. */
export function ticketPolicyFor(settings: ServiceLevelSettings, kind: string, priority: string): TicketServiceLevelPolicy | undefined {
  return (
    settings.ticketPolicies.find((p) => p.kind === kind && p.priority === priority) ??
    settings.ticketPolicies.find((p) => p.kind === kind && p.priority === undefined)
  );
}

/** Deadlines of the given milestones, started at `start`, with the rule each names. */
export function ticketDeadlines(
  policy: TicketServiceLevelPolicy | undefined,
  milestones: readonly TicketMilestone[],
  start: string,
  calendar: WorkingCalendar,
): Partial<Record<TicketMilestone, Deadline>> {
  const deadlines: Partial<Record<TicketMilestone, Deadline>> = {};
  for (const milestone of milestones) {
    const target = policy?.targets[milestone];
    if (!target) continue;
    deadlines[milestone] = { dueAt: computeDeadline(start, target, calendar) };
  }
  return deadlines;
}

/** Whether a policy stops a ticket's clocks for this kind of wait (no policy: never). */
export function pausesFor(policy: TicketServiceLevelPolicy | undefined, reason: 'waiting-for-customer' | 'waiting-for-parts'): boolean {
  if (!policy) return false;
  if (reason === 'waiting-for-parts') return policy.pausesWhileWaitingForParts ?? policy.pausesWhileWaitingForCustomer;
  return policy.pausesWhileWaitingForCustomer;
}

/**
 * A deadline moved by the time its clock was paused: the working minutes between `pausedAt` and
 * `resumedAt` added in working time for a working-time target, the elapsed time otherwise.
 */
export function computeShiftedDeadline(dueAt: string, pausedAt: string, resumedAt: string, counting: Target['counting'], calendar: WorkingCalendar): string {
  if (counting === 'workingTime') {
    const paused = workingMinutesBetween(pausedAt, resumedAt, calendar);
    return paused === 0 ? dueAt : addWorkingTime(dueAt, paused, calendar);
  }
  return addElapsedMinutes(dueAt, (Date.parse(resumedAt) - Date.parse(pausedAt)) / 60_000);
}
