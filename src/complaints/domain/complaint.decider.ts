import type { Decider } from '../../shared/domain/decider';
import { DomainError, assertNever } from '../../shared/domain/domain-error';
import { isSameFact } from '../../shared/domain/same-fact';
import type { ComplaintEvent, ComplaintReceived } from './complaint.events';

export interface ReceiveComplaint {
  type: 'ReceiveComplaint';
  data: ComplaintReceived['data'];
  now: string;
}
export type ComplaintCommand = ReceiveComplaint;

export type ComplaintState =
  | { status: 'unknown' }
  | { status: 'received'; received: ComplaintReceived['data'] };

export const complaintDecider: Decider<ComplaintCommand, ComplaintEvent, ComplaintState> = {
  initialState: { status: 'unknown' },

  evolve(_state, event) {
    switch (event.type) {
      case 'ComplaintReceived':
        return { status: 'received', received: event.data };
      default:
        return assertNever(event.type);
    }
  },

  decide(command, state) {
    switch (command.type) {
      case 'ReceiveComplaint':
        return receiveComplaint(command, state);
      default:
        return assertNever(command.type);
    }
  },
};

function receiveComplaint(command: ReceiveComplaint, state: ComplaintState): ComplaintEvent[] {
  if (state.status === 'received') {
    if (isSameFact(state.received, command.data)) return [];
    throw new DomainError('complaint_already_received', `complaint ${command.data.complaintId} was already received with other details`);
  }
  if (command.data.receivedAt > command.now) {
    throw new DomainError('received_in_future', 'receivedAt lies in the future', { receivedAt: command.data.receivedAt });
  }
  return [{ type: 'ComplaintReceived', data: command.data }];
}
