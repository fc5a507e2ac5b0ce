import type { ComplaintMilestone } from '../../service-levels/domain/service-level-policy';
import type { ComplaintReceived, VerdictOutcome } from './complaint.events';

export interface ReceiveComplaint {
  type: 'ReceiveComplaint';
  data: ComplaintReceived['data'];
  now: string;
}
export interface AssignComplaint {
  type: 'AssignComplaint';
  data: { complaintId: string; assigneeId: string; ticketId?: string; assignedAt: string };
  now: string;
}
export interface ResolveComplaint {
  type: 'ResolveComplaint';
  data: { complaintId: string; resolvedAt: string; resolution: string };
  now: string;
}
export interface RecordCallback {
  type: 'RecordCallback';
  data: { complaintId: string; calledBackAt: string; satisfied: boolean; notes: string };
  now: string;
}
export interface RecordVerdict {
  type: 'RecordVerdict';
  data: { complaintId: string; outcome: VerdictOutcome; employeeIds: string[]; reasoning: string; decidedAt: string };
  now: string;
}
export interface ReverseVerdict {
  type: 'ReverseVerdict';
  data: { complaintId: string; reason: string; reversedAt: string };
  now: string;
}
export interface RecordComplaintBreach {
  type: 'RecordComplaintBreach';
  data: { complaintId: string; milestone: ComplaintMilestone };
  now: string;
}

export type ComplaintCommand =
  | ReceiveComplaint
  | AssignComplaint
  | ResolveComplaint
  | RecordCallback
  | RecordVerdict
  | ReverseVerdict
  | RecordComplaintBreach;
