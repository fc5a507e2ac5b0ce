import { deciderSpecification } from '../../shared/testing/decider-specification';
import type { EmployeeState } from '../../employees/domain/employee.decider';
import { ticketDecider } from './ticket.decider';
import type { TicketDispatched } from './ticket.events';
import { refuseTicket } from './ticket.errors';

const spec = deciderSpecification(ticketDecider, refuseTicket);
const now = '2026-03-10T12:00:00.000Z';
const assignee: EmployeeState = { status: 'registered', employeeId: 'E-7', name: 'Wang Qiang', department: 'repairs', position: 'repair-technician', registeredAt: '2026-01-01T00:00:00.000Z' };
const dispatch = {
  type: 'DispatchTicket' as const,
  data: {
    ticketId: 'T-1',
    kind: 'repair' as const,
    assigneeId: 'E-7',
    description: 'water leak, building 3 unit 2',
    dispatchedAt: '2026-03-10T09:00:00.000Z',
    resolveBy: '2026-03-10T18:00:00.000Z',
  },
  now,
};
const dispatched: TicketDispatched = { type: 'TicketDispatched', data: { ...dispatch.data, department: 'repairs' } };
const resolve = (resolvedAt: string) => ({
  type: 'ResolveTicket' as const,
  data: { ticketId: 'T-1', resolvedAt, resolution: 'valve replaced' },
  now: '2026-03-11T12:00:00.000Z',
});

describe('dispatching a ticket', () => {
  it('records it with the assignee department', () => {
    spec.given([], { assignee }).when(dispatch).then([dispatched]);
  });
  it('is refused for an assignee who is not registered', () => {
    spec.given([], { assignee: { status: 'unknown' } }).when(dispatch).thenThrows('assignee_not_registered');
  });
  it('is refused when resolve-by is not after the dispatch', () => {
    spec.given([], { assignee }).when({ ...dispatch, data: { ...dispatch.data, resolveBy: dispatch.data.dispatchedAt } }).thenThrows('resolve_by_not_after_dispatch');
  });
  it('records nothing new when repeated', () => {
    spec.given([dispatched], { assignee }).when(dispatch).then([]);
  });
});

describe('resolving a ticket', () => {
  it('records whether it was late, and the breach of a deadline it missed', () => {
    spec.given([dispatched], { assignee }).when(resolve('2026-03-10T17:00:00.000Z')).then([
      { type: 'TicketResolved', data: { ticketId: 'T-1', assigneeId: 'E-7', resolvedAt: '2026-03-10T17:00:00.000Z', resolution: 'valve replaced', late: false } },
    ]);
    spec.given([dispatched], { assignee }).when(resolve('2026-03-11T08:00:00.000Z')).then([
      {
        type: 'TicketDeadlineBreached',
        data: { ticketId: 'T-1', milestone: 'resolution', startedAt: '2026-03-10T09:00:00.000Z', dueAt: '2026-03-10T18:00:00.000Z', responsibleEmployeeId: 'E-7', department: 'repairs' },
      },
      { type: 'TicketResolved', data: { ticketId: 'T-1', assigneeId: 'E-7', resolvedAt: '2026-03-11T08:00:00.000Z', resolution: 'valve replaced', late: true } },
    ]);
  });
  it('is a 404 for an unknown ticket', () => {
    spec.given([], { assignee }).when(resolve('2026-03-10T17:00:00.000Z')).thenThrows('not_found');
  });
  it('is refused before the dispatch', () => {
    spec.given([dispatched], { assignee }).when(resolve('2026-03-10T08:00:00.000Z')).thenThrows('resolved_before_dispatch');
  });
});
