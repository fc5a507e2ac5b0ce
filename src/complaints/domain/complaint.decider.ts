import type { Decider } from '../../shared/domain/decider';
import { NotFoundError, assertNever } from '../../shared/domain/domain-error';
import { refuseComplaint } from './complaint.errors';
import { isSameFact } from '../../shared/domain/same-fact';
import type { EmployeeState } from '../../employees/domain/employee.decider';
import type { ServiceLevelSettings } from '../../service-levels/domain/service-level-policy';
import type { WorkingCalendar } from '../../service-levels/domain/working-calendar';
import type { ComplaintCommand, ReceiveComplaint } from './complaint.commands';
import { startClock } from './complaint.clocks';
import type { ComplaintEvent } from './complaint.events';
import { evolveComplaint, initialComplaintState } from './complaint.state';
import type { ComplaintState } from './complaint.state';
import { assign, recordBreach, recordCallback, recordVerdict, resolve, reverseVerdict } from './complaint.transitions';

export type { ComplaintCommand, ReceiveComplaint } from './complaint.commands';
export type { ComplaintState } from './complaint.state';

/** Facts from elsewhere: the calendar and service levels in force, the employee being assigned. */
export interface ComplaintContext {
  calendar?: WorkingCalendar;
  serviceLevels?: ServiceLevelSettings['complaint'];
  assignee?: EmployeeState;
}

export const complaintDecider: Decider<ComplaintCommand, ComplaintEvent, ComplaintState, ComplaintContext | undefined> = {
  initialState: initialComplaintState,
  evolve: evolveComplaint,
  decide(command, state, context = {}) {
    if (command.type === 'ReceiveComplaint') return receiveComplaint(command, state, context);
    if (state.status === 'unknown') throw new NotFoundError('complaint', command.data.complaintId);
    switch (command.type) {
      case 'AssignComplaint':
        return assign(command, state, context);
      case 'ResolveComplaint':
        return resolve(command, state, context);
      case 'RecordCallback':
        return recordCallback(command, state, context);
      case 'RecordVerdict':
        return recordVerdict(command, state, context);
      case 'ReverseVerdict':
        return reverseVerdict(command, state);
      case 'RecordComplaintBreach':
        return recordBreach(command, state);
      default:
        return assertNever(command);
    }
  },
};

function receiveComplaint(command: ReceiveComplaint, state: ComplaintState, context: ComplaintContext): ComplaintEvent[] {
  if (state.status !== 'unknown') {
    if (isSameFact(state.received, command.data)) return [];
    throw refuseComplaint('complaint_already_received', `complaint ${command.data.complaintId} was already received with other details`);
  }
  if (command.data.receivedAt > command.now) {
    throw refuseComplaint('received_in_future', 'receivedAt lies in the future', { receivedAt: command.data.receivedAt });
  }
  const clock = startClock(command.data.complaintId, 'handling', 1, command.data.receivedAt, context);
  return [{ type: 'ComplaintReceived', data: command.data }, ...clock];
}

