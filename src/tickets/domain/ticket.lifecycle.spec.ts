import { deciderSpecification } from '../../shared/testing/decider-specification';
import type { EmployeeState } from '../../employees/domain/employee.decider';
import { defaultServiceLevels, defaultWorkingCalendar } from '../../service-levels/domain/default-service-levels';
import { ticketDecider } from './ticket.decider';
import type { TicketEvent } from './ticket.events';
import { refuseTicket } from './ticket.errors';

const spec = deciderSpecification(ticketDecider, refuseTicket);
const employee = (id: string, department = 'repairs'): EmployeeState => ({ status: 'registered', employeeId: id, name: id, department, position: 'tech', registeredAt: '2026-01-01T00:00:00.000Z' });
const calendar = defaultWorkingCalendar('Asia/Shanghai');
const repair = defaultServiceLevels.ticketPolicies.find((p) => p.policyId === 'repair')!;
const context = { assignee: employee('E-1'), calendar, policy: repair };
const now = '2026-03-11T12:00:00.000Z';
const at = (local: string) => new Date(`2026-03-10T${local}+08:00`).toISOString();

const dispatched = ticketDecider.decide(
  { type: 'DispatchTicket', data: { ticketId: 'T-1', kind: 'repair', assigneeId: 'E-1', description: 'leak', dispatchedAt: at('09:00:00') }, now },
  ticketDecider.initialState,
  context,
) as TicketEvent[];

describe('a ticket under a service-level policy', () => {
  it('stores every deadline the policy gives (2 working days from 09:00 Tuesday: 18:00 Wednesday), and nothing of what a miss costs (the rulebook prices it at the breach)', () => {
    expect(dispatched).toEqual([
      expect.objectContaining({
        type: 'TicketDispatched',
        data: expect.objectContaining({
          policyId: 'repair',
          priority: 'normal',
          resolveBy: new Date('2026-03-11T18:00:00+08:00').toISOString(),
          deadlines: {
            acknowledgement: { dueAt: at('09:10:00') },
            arrival: { dueAt: at('09:20:00') },
            resolution: { dueAt: new Date('2026-03-11T18:00:00+08:00').toISOString() },
          },
        }),
      }),
    ]);
  });

  it('acknowledges, then records arrival; a late arrival records its own breach first', () => {
    const acknowledged = { type: 'TicketAcknowledged' as const, data: { ticketId: 'T-1', assigneeId: 'E-1', acknowledgedAt: at('09:05:00') } };
    spec.given(dispatched, context).when({ type: 'AcknowledgeTicket', data: { ticketId: 'T-1', acknowledgedAt: at('09:05:00') }, now }).then([acknowledged]);
    spec.given([...dispatched, acknowledged], context).when({ type: 'RecordArrival', data: { ticketId: 'T-1', arrivedAt: at('09:30:00') }, now }).then([
      { type: 'TicketDeadlineBreached', data: { ticketId: 'T-1', milestone: 'arrival', startedAt: at('09:00:00'), dueAt: at('09:20:00'), responsibleEmployeeId: 'E-1', department: 'repairs' } },
      { type: 'TicketArrived', data: { ticketId: 'T-1', assigneeId: 'E-1', arrivedAt: at('09:30:00') } },
    ]);
  });

  it('refuses steps out of order with stable codes', () => {
    spec.given(dispatched, context).when({ type: 'RecordArrival', data: { ticketId: 'T-1', arrivedAt: at('09:15:00') }, now }).thenThrows('ticket_not_acknowledged');
    spec.given(dispatched, context).when({ type: 'CloseTicket', data: { ticketId: 'T-1', closedAt: at('10:00:00'), signedOffBy: 'owner' }, now }).thenThrows('ticket_not_resolved');
    const cancelled = { type: 'TicketCancelled' as const, data: { ticketId: 'T-1', assigneeId: 'E-1', reason: 'x', cancelledAt: at('09:01:00') } };
    spec.given([...dispatched, cancelled], context).when({ type: 'AcknowledgeTicket', data: { ticketId: 'T-1', acknowledgedAt: at('09:05:00') }, now }).thenThrows('ticket_not_open');
    spec.given(dispatched, { ...context, assignee: employee('E-1') }).when({ type: 'ReassignTicket', data: { ticketId: 'T-1', assigneeId: 'E-1', reason: 'x', reassignedAt: at('09:05:00') }, now }).thenThrows('already_assigned');
  });

  it('records a breach once, only after the deadline, and not for a clock already met', () => {
    const breach = { type: 'RecordTicketBreach' as const, data: { ticketId: 'T-1', milestone: 'acknowledgement' as const } };
    spec.given(dispatched, context).when({ ...breach, now: at('09:10:00') }).thenThrows('deadline_not_passed');
    const [recorded] = ticketDecider.decide({ ...breach, now: at('09:10:01') }, dispatched.reduce(ticketDecider.evolve, ticketDecider.initialState), context);
    expect(recorded).toMatchObject({ type: 'TicketDeadlineBreached', data: { milestone: 'acknowledgement', dueAt: at('09:10:00') } });
    spec.given([...dispatched, recorded], context).when({ ...breach, now }).then([]);
    const acknowledged = { type: 'TicketAcknowledged' as const, data: { ticketId: 'T-1', assigneeId: 'E-1', acknowledgedAt: at('09:05:00') } };
    spec.given([...dispatched, acknowledged], context).when({ ...breach, now }).then([]);
  });

  it('restarts pending clocks on reassignment when the policy says so, keeping the run so far', () => {
    const reassign = { type: 'ReassignTicket' as const, data: { ticketId: 'T-1', assigneeId: 'E-2', reason: 'sick', reassignedAt: at('09:05:00') }, now };
    const [event] = ticketDecider.decide(reassign, dispatched.reduce(ticketDecider.evolve, ticketDecider.initialState), { ...context, assignee: employee('E-2', 'plumbing') });
    expect(event).toMatchObject({
      type: 'TicketReassigned',
      data: { fromAssigneeId: 'E-1', assigneeId: 'E-2', department: 'plumbing', clocks: 'restarted', previous: { arrival: { startedAt: at('09:00:00'), dueAt: at('09:20:00'), breached: false } }, deadlines: { arrival: { dueAt: at('09:25:00') } } },
    });
    const kept = ticketDecider.decide(reassign, dispatched.reduce(ticketDecider.evolve, ticketDecider.initialState), { ...context, policy: { ...repair, onReassignment: 'keep' }, assignee: employee('E-2') });
    expect(kept[0]).toMatchObject({ data: { clocks: 'kept', deadlines: { arrival: { dueAt: at('09:20:00') } } } });
  });

  it('closes a resolved ticket on sign-off', () => {
    const resolved = ticketDecider.decide({ type: 'ResolveTicket', data: { ticketId: 'T-1', resolvedAt: at('09:08:00'), resolution: 'fixed' }, now }, dispatched.reduce(ticketDecider.evolve, ticketDecider.initialState), context);
    expect(resolved.map((e) => e.type)).toEqual(['TicketResolved']);
    spec.given([...dispatched, ...resolved], context).when({ type: 'CloseTicket', data: { ticketId: 'T-1', closedAt: at('09:30:00'), signedOffBy: 'owner' }, now }).then([
      { type: 'TicketClosed', data: { ticketId: 'T-1', assigneeId: 'E-1', closedAt: at('09:30:00'), signedOffBy: 'owner' } },
    ]);
  });
});
