import { computeDeadline } from '../../service-levels/domain/service-level-policy';
import type { ComplaintMilestone } from '../../service-levels/domain/service-level-policy';
import type { ComplaintContext } from './complaint.decider';
import type { ComplaintClockStarted } from './complaint.events';

/** The clock's start with its deadline, when the calendar and service levels are known. */
export function startClock(
  complaintId: string,
  milestone: ComplaintMilestone,
  round: number,
  startedAt: string,
  context: ComplaintContext,
  assignee?: { employeeId: string; department: string },
): ComplaintClockStarted[] {
  const { calendar, serviceLevels } = context;
  if (!calendar || !serviceLevels) return [];
  const dueAt = computeDeadline(startedAt, serviceLevels.targets[milestone], calendar);
  return [{ type: 'ComplaintClockStarted', data: { complaintId, milestone, round, startedAt, dueAt, ...(assignee ? { responsibleEmployeeId: assignee.employeeId, department: assignee.department } : {}) } }];
}
