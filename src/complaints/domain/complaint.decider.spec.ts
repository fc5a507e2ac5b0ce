import { deciderSpecification } from '../../shared/testing/decider-specification';
import { complaintDecider } from './complaint.decider';
import type { ComplaintReceived } from './complaint.events';
import { refuseComplaint } from './complaint.errors';

const spec = deciderSpecification(complaintDecider, refuseComplaint);
const data: ComplaintReceived['data'] = {
  complaintId: 'C-1',
  channel: 'hotline',
  complainant: { subjectId: 'C-1', sealed: 'v1.c2VhbGVk' },
  subject: 'service attitude',
  description: 'the steward hung up on me',
  severity: 'normal',
  receivedAt: '2026-03-10T08:00:00.000Z',
  concernsEmployeeIds: ['E-1'],
};
const now = '2026-03-10T09:00:00.000Z';

describe('receiving a complaint', () => {
  it('records it', () => {
    spec.given([]).when({ type: 'ReceiveComplaint', data, now }).then([{ type: 'ComplaintReceived', data }]);
  });
  it('records nothing new when repeated, and refuses a reused id', () => {
    spec.given([{ type: 'ComplaintReceived', data }]).when({ type: 'ReceiveComplaint', data, now }).then([]);
    spec.given([{ type: 'ComplaintReceived', data }]).when({ type: 'ReceiveComplaint', data: { ...data, subject: 'noise' }, now }).thenThrows('complaint_already_received');
  });
  it('is refused when received in the future', () => {
    spec.given([]).when({ type: 'ReceiveComplaint', data: { ...data, receivedAt: '2026-03-11T00:00:00.000Z' }, now }).thenThrows('received_in_future');
  });
});
