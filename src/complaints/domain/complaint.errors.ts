import { refusals, unprocessable } from '../../shared/domain/error-catalogue';

/** Why a complaint's receipt or a later step of it is refused. */
export const refuseComplaint = refusals({
  complaint_already_received: unprocessable('this complaintId was already received with other details'),
  employee_not_registered: unprocessable('an employee the complaint concerns is not registered'),
  complainant_erased: unprocessable('the complainant was erased; record a new complaint under a new subjectId'),
  complaint_not_open: unprocessable('the complaint is resolved or closed'),
  complaint_not_assigned: unprocessable('the complaint has not been assigned to anyone'),
  complaint_not_resolved: unprocessable('the complaint is not awaiting a callback'),
  assignee_not_registered: unprocessable('the assignee is not a registered employee'),
  verdict_already_recorded: unprocessable('a verdict is in force; reverse it first'),
  upheld_against_nobody: unprocessable('an upheld complaint names at least one employee'),
  dismissed_against_employees: unprocessable('a dismissed complaint names no employee'),
  no_verdict_in_force: unprocessable('the complaint has no verdict to reverse'),
  no_such_clock: unprocessable('the complaint has no deadline for that milestone'),
  deadline_not_passed: unprocessable('the deadline has not passed'),
  received_in_future: unprocessable('receivedAt lies in the future'),
  assigned_in_future: unprocessable('assignedAt lies in the future'),
  resolved_in_future: unprocessable('resolvedAt lies in the future'),
  calledBack_in_future: unprocessable('calledBackAt lies in the future'),
  decided_in_future: unprocessable('decidedAt lies in the future'),
  reversed_in_future: unprocessable('reversedAt lies in the future'),
  assigned_before_receipt: unprocessable('assignedAt is earlier than the receipt'),
  resolved_before_assignment: unprocessable('resolvedAt is earlier than the assignment'),
  callback_before_resolution: unprocessable('calledBackAt is earlier than the resolution'),
  decided_before_receipt: unprocessable('decidedAt is earlier than the receipt'),
  reversed_before_verdict: unprocessable('reversedAt is earlier than the verdict'),
});
